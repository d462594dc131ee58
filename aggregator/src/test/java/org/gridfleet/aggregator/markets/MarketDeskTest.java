package org.gridfleet.aggregator.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.markets.DeskFixtures.CLEARS;
import static org.gridfleet.aggregator.markets.DeskFixtures.GATE;
import static org.gridfleet.aggregator.markets.DeskFixtures.HOUR;
import static org.gridfleet.aggregator.markets.DeskFixtures.OFFER_ID;
import static org.gridfleet.aggregator.markets.DeskFixtures.T0;
import static org.gridfleet.aggregator.markets.DeskFixtures.TOO_CHEAP;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.gridfleet.market.Award;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import java.util.concurrent.TimeUnit;

/** The desk's obligation state machine on a replay market, a settable clock and a real (embedded) database. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MarketDeskTest {

    private Vertx vertx;
    private HikariDataSource dataSource;
    private final SettableClock clock = new SettableClock(T0.minus(Duration.ofMinutes(90)));
    private final RecordingInbox inbox = new RecordingInbox();
    private double score = 0.95;
    private volatile boolean planDown;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        dataSource = TestDatabase.freshSchema(MarketDeskTest.class);
    }

    @AfterEach
    void tearDown() {
        vertx.close().await();
        dataSource.close();
    }

    private MarketDesk desk(ClearingPrice... prices) {
        return desk(DeskFixtures.config(), prices);
    }

    private MarketDesk desk(MarketDeskConfig config, ClearingPrice... prices) {
        MarketDesk desk = new MarketDesk(vertx, DeskFixtures.market(clock, prices), config,
                new ObligationStore(dataSource), period -> {
                    if (planDown) {
                        throw new IllegalStateException("fleet plan unavailable");
                    }
                    return DeskFixtures.depot();
                }, o -> new DeliveryScores.DeliveryScore(score, 2.5), inbox, clock);
        desk.start().await();
        return desk;
    }

    private Obligation at(MarketDesk desk, java.time.Instant t) {
        clock.set(t);
        desk.tick().await();
        return desk.obligations().stream().filter(o -> o.offerId().equals(OFFER_ID)).findFirst().orElse(null);
    }

    @Test
    void tickShouldWalkOfferedAwardedDeliveringSettledWhenTheReplayMarketClears() {
        // GIVEN a desk 90 min before the hour, bidding 15 min before the gate
        MarketDesk desk = desk(CLEARS);
        // WHEN the clock passes the bid lead, the gate, the hour start and the hour end
        assertThat(at(desk, GATE.minus(Duration.ofMinutes(20)))).as("before the bid lead").isNull();
        Obligation offered = at(desk, GATE.minus(Duration.ofMinutes(10)));
        Obligation awarded = at(desk, GATE);
        assertThat(inbox.calls).isEmpty();
        Obligation delivering = at(desk, T0.plusSeconds(1));
        Obligation settled = at(desk, HOUR.end());
        // THEN the P90 of 40 vans (±280 kW, some absent) was offered at 17 per MW·h and cleared in full
        assertThat(offered.state()).isEqualTo(ObligationState.OFFERED);
        assertThat(offered.offer().capabilityKw()).isBetween(200.0, 280.0);
        assertThat(offered.offer().capabilityPricePerMwh()).isCloseTo(17, within(1e-9));
        assertThat(awarded.state()).isEqualTo(ObligationState.AWARDED);
        assertThat(awarded.awardedKw()).isEqualTo(offered.offer().capabilityKw());
        assertThat(awarded.baseline().kwAt(T0)).isCloseTo(0, within(1e-6));
        assertThat(delivering.state()).isEqualTo(ObligationState.DELIVERING);
        assertThat(settled.state()).isEqualTo(ObligationState.SETTLED);
        assertThat(settled.settlement().capabilityCredit())
                .isCloseTo(awarded.awardedKw() / 1000 * 0.95 * 20.96, within(1e-9));
        // AND the inbox heard of the start and the end once each
        assertThat(inbox.calls).containsExactly("activated " + OFFER_ID + " " + awarded.awardedKw() + " 0.0",
                "ended " + OFFER_ID);
        // AND every transition is stored with its actor and time
        assertThat(new ObligationStore(dataSource).transitions(OFFER_ID))
                .extracting(t -> t.from() + ">" + t.to() + "@" + t.at() + " " + t.actor())
                .containsExactly("null>OFFERED@" + GATE.minus(Duration.ofMinutes(10)) + " desk",
                        "OFFERED>AWARDED@" + GATE + " desk", "AWARDED>DELIVERING@" + T0.plusSeconds(1) + " desk",
                        "DELIVERING>SETTLED@" + HOUR.end() + " desk");
    }

    @Test
    void tickShouldRejectTheOfferWhenTheMarketClearsBelowItsPrice() {
        MarketDesk desk = desk(TOO_CHEAP);
        at(desk, GATE.minus(Duration.ofMinutes(10)));
        Obligation o = at(desk, GATE);
        assertThat(o.state()).isEqualTo(ObligationState.REJECTED);
        at(desk, T0.plusSeconds(1));
        assertThat(inbox.calls).isEmpty();
    }

    @Test
    void tickShouldFailAnAwardWhosePeriodPassedWithoutDeliveryWhenTheDeskWasAsleep() {
        // GIVEN an awarded hour, WHEN the next tick only comes after the hour
        MarketDesk desk = desk(CLEARS);
        at(desk, GATE.minus(Duration.ofMinutes(10)));
        at(desk, GATE);
        Obligation o = at(desk, HOUR.end().plusSeconds(5));
        // THEN it failed, never reached the dispatcher, and says why
        assertThat(o.state()).isEqualTo(ObligationState.FAILED);
        assertThat(o.reason()).contains("ended before delivery started");
        assertThat(inbox.calls).isEmpty();
    }

    @Test
    void tickShouldFailTheSettlementWhenTheScoreIsBelowTheCreditThreshold() {
        score = 0.2;
        MarketDesk desk = desk(CLEARS);
        at(desk, GATE.minus(Duration.ofMinutes(10)));
        at(desk, GATE);
        at(desk, T0);
        Obligation o = at(desk, HOUR.end());
        assertThat(o.state()).isEqualTo(ObligationState.FAILED);
        assertThat(inbox.calls).last().isEqualTo("ended " + OFFER_ID);
    }

    @Test
    void pushAwardShouldAwardTheOpenOfferAndStoreWhoPushedItWhenItMatches() {
        // GIVEN a push-only market (no recorded prices) and an open offer
        MarketDesk desk = desk();
        Obligation offered = at(desk, GATE.minus(Duration.ofMinutes(10)));
        // WHEN the market pushes a partial award
        Obligation o = desk.pushAward(new Award(OFFER_ID, HOUR, 150, 20, 1), "utility:u1").await();
        // THEN it is awarded with a baseline and the transition names the pusher
        assertThat(o.state()).isEqualTo(ObligationState.AWARDED);
        assertThat(o.awardedKw()).isEqualTo(150);
        assertThat(o.baseline()).isNotNull();
        assertThat(offered.offer().capabilityKw()).isGreaterThan(150);
        assertThat(new ObligationStore(dataSource).transitions(OFFER_ID)).extracting(ObligationStore.Transition::actor)
                .containsExactly("desk", "utility:u1");
        // AND the same award again is answered the same; another one is a conflict
        assertThat(desk.pushAward(new Award(OFFER_ID, HOUR, 150, 20, 1), "utility:u1").await().state())
                .isEqualTo(ObligationState.AWARDED);
        assertConflict(desk, new Award(OFFER_ID, HOUR, 120, 20, 1), "is AWARDED, not open");
    }

    @Test
    void pushAwardShouldConflictAndChangeNothingWhenItDoesNotMatchAnOpenOffer() {
        MarketDesk desk = desk();
        Obligation offered = at(desk, GATE.minus(Duration.ofMinutes(10)));
        assertConflict(desk, new Award("nope", HOUR, 100, 20, 1), "no open offer nope");
        assertConflict(desk, new Award(OFFER_ID, DeliveryPeriod.of(T0.plus(Duration.ofHours(1)), Duration.ofHours(1)),
                100, 20, 1), "does not match offer");
        assertConflict(desk, new Award(OFFER_ID, HOUR, offered.offer().capabilityKw() + 1, 20, 1), "exceeds");
        assertThat(at(desk, GATE)).isEqualTo(offered);
        assertThat(new ObligationStore(dataSource).transitions(OFFER_ID)).hasSize(1);
    }

    @Test
    void pushAwardShouldAnswerUnavailableAndKeepTheAwardForTheNextTickWhenNoBaselineCanBeDeclared() {
        // GIVEN an open offer and a fleet plan that has just gone away
        MarketDesk desk = desk();
        at(desk, GATE.minus(Duration.ofMinutes(10)));
        planDown = true;
        // WHEN the market pushes its award
        assertThatThrownBy(() -> desk.pushAward(new Award(OFFER_ID, HOUR, 150, 20, 1), "utility:u1").await())
                .isInstanceOfSatisfying(GridfleetException.class,
                        e -> assertThat(e.code()).isEqualTo(GridfleetException.Code.UNAVAILABLE));
        // THEN nothing changed yet, and once the plan is back the next tick takes the award it kept
        assertThat(at(desk, GATE.minus(Duration.ofMinutes(9))).state()).isEqualTo(ObligationState.OFFERED);
        planDown = false;
        Obligation o = at(desk, GATE.minus(Duration.ofMinutes(8)));
        assertThat(o.state()).isEqualTo(ObligationState.AWARDED);
        assertThat(o.awardedKw()).isEqualTo(150);
        assertThat(new ObligationStore(dataSource).transitions(OFFER_ID)).extracting(ObligationStore.Transition::actor)
                .containsExactly("desk", "utility:u1");
    }

    @Test
    void pushAwardShouldStoreEveryStepWithItsActorWhenTheAwardArrivesInsideThePeriod() {
        // GIVEN an open offer, WHEN the award is pushed after delivery should have begun
        MarketDesk desk = desk();
        at(desk, GATE.minus(Duration.ofMinutes(10)));
        clock.set(T0.plusSeconds(30));
        Obligation o = desk.pushAward(new Award(OFFER_ID, HOUR, 150, 20, 1), "utility:u1").await();
        // THEN it is delivering at once, and both steps are on record: the award by the market, the start by the desk
        assertThat(o.state()).isEqualTo(ObligationState.DELIVERING);
        assertThat(new ObligationStore(dataSource).transitions(OFFER_ID))
                .extracting(t -> t.from() + ">" + t.to() + " " + t.actor())
                .containsExactly("null>OFFERED desk", "OFFERED>AWARDED utility:u1", "AWARDED>DELIVERING desk");
        assertThat(inbox.calls).containsExactly("activated " + OFFER_ID + " 150.0 " + o.baseline().kwAt(T0));
    }

    @Test
    void startShouldTickOnItsOwnTimerWhenNobodyCallsTick() {
        // GIVEN a desk ticking every 50 ms, with the clock already past the bid lead
        clock.set(GATE.minus(Duration.ofMinutes(10)));
        MarketDesk desk = desk(DeskFixtures.withTick(Duration.ofMillis(50)));
        // THEN the offer appears without an explicit tick (the class timeout bounds the wait)
        while (desk.obligations().isEmpty()) {
            vertx.timer(20).await();
        }
        assertThat(desk.obligations()).extracting(Obligation::offerId).containsExactly(OFFER_ID);
    }

    @Test
    void startShouldRestoreAwardedAndReactivateDeliveringObligationsWhenTheDeskRestarts() {
        // GIVEN a desk that delivered an award when it went down
        MarketDesk first = desk(CLEARS);
        at(first, GATE.minus(Duration.ofMinutes(10)));
        Obligation awarded = at(first, GATE);
        at(first, T0.plusSeconds(1));
        first.stop().await();
        inbox.calls.clear();
        // WHEN a new desk starts over the same database, on a market that forgot the offer
        MarketDesk second = desk();
        // THEN the obligation is back as it was, and the dispatcher is told to follow it again
        assertThat(second.obligations()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(ObligationState.DELIVERING);
            assertThat(o.award()).isEqualTo(awarded.award());
            assertThat(o.baseline()).isEqualTo(awarded.baseline());
        });
        assertThat(inbox.calls).containsExactly("activated " + OFFER_ID + " " + awarded.awardedKw() + " 0.0");
        // AND it settles after the hour as if nothing happened
        assertThat(at(second, HOUR.end()).state()).isEqualTo(ObligationState.SETTLED);
    }

    @Test
    void startShouldNotHandOverADeliveryWhosePeriodEndedWhileTheDeskWasDown() {
        // GIVEN a desk that went down while delivering
        MarketDesk first = desk(CLEARS);
        at(first, GATE.minus(Duration.ofMinutes(10)));
        at(first, GATE);
        at(first, T0.plusSeconds(1));
        first.stop().await();
        inbox.calls.clear();
        // WHEN it comes back after the hour
        clock.set(HOUR.end().plusSeconds(30));
        MarketDesk second = desk();
        // THEN the dispatcher is not given a period that is over, and the first tick settles it
        assertThat(inbox.calls).isEmpty();
        assertThat(at(second, HOUR.end().plusSeconds(31)).state()).isEqualTo(ObligationState.SETTLED);
    }

    private static void assertConflict(MarketDesk desk, Award award, String message) {
        assertThatThrownBy(() -> desk.pushAward(award, "utility:u1").await())
                .isInstanceOfSatisfying(GridfleetException.class,
                        e -> assertThat(e.code()).isEqualTo(GridfleetException.Code.CONFLICT))
                .hasMessageContaining(message);
    }

}
