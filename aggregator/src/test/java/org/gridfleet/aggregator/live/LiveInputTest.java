package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.fleet.DepartureRule;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Trip;
import org.gridfleet.aggregator.fleet.V2gConsent;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.health.WearFixtures;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class LiveInputTest {

    private static final Duration STEP = Duration.ofSeconds(5);
    private static final OfflineLoad ONLINE = (charger, now) -> 0;
    /** No health pass yet: chemistry wear prices and power limits only. */
    private static final VehicleWear NO_HEALTH_DATA = new VehicleWear();
    private static final Tariff FLAT = GridLink.of(ControlConfig.DEFAULT).openAdr().current().tariff();
    private final Site site = LiveFixtures.site(1, 100, List.of());
    private final String siteId = site.id().toString();

    private FleetView view(List<Vehicle> vehicles, boolean dischargeCapable) {
        return FleetView.of(List.of(LiveFixtures.siteWith(site,
                LiveFixtures.charger("CP-1", site.id(), 22, dischargeCapable),
                LiveFixtures.charger("CP-2", site.id(), 7.4, dischargeCapable))), vehicles);
    }

    private static PluggedSession session(String charger, Vehicle v, Double soc, Double kw, EvNeeds needs) {
        return new PluggedSession(new EvseRef(charger, 1), "tx-" + charger, v == null ? null : v.id().toString(),
                soc, kw, needs);
    }

    @Test
    void buildShouldFollowTheEvsNeedsWhenTheyAreKnown() {
        // GIVEN a vehicle whose owner plans Tuesday 07:30 at 80 %, and an EV asking for 24 kWh by 21:00
        Vehicle v = LiveFixtures.vehicle(1, new V2gConsent.Off(),
                List.of(new DepartureRule(DayOfWeek.TUESDAY, LocalTime.of(7, 30), 0.8)), List.of());
        EvseRef evse = new EvseRef("CP-1", 1);
        EvNeeds needs = new EvNeeds(evse, NOW.plus(Duration.ofHours(3)), 24.0, null, null, null, null, 9.0, null);
        // WHEN
        LiveInput in = LiveInput.build(view(List.of(v), false), List.of(session("CP-1", v, 0.3, 0.0, needs)),
                ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN
        VehicleState s = in.input().vehicles().get(0);
        assertThat(s.departure()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(s.targetSoc()).isCloseTo(0.3 + 24.0 / 60, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.maxChargeKw()).isEqualTo(9.0);
        assertThat(s.siteId()).isEqualTo(siteId);
        assertThat(in.evseOfVehicle()).containsEntry(v.id().toString(), evse);
    }

    @Test
    void buildShouldUseTheOwnersNextDepartureWhenTheEvSaysNothing() {
        // GIVEN Monday 18:00; weekly rule Tuesday 07:30 at 80 %, a trip Wednesday at 95 %
        Vehicle v = LiveFixtures.vehicle(1, new V2gConsent.Off(),
                List.of(new DepartureRule(DayOfWeek.TUESDAY, LocalTime.of(7, 30), 0.8)),
                List.of(new Trip(NOW.plus(Duration.ofDays(2)), 0.95)));
        // WHEN
        LiveInput in = LiveInput.build(view(List.of(v), false), List.of(session("CP-1", v, 0.5, null, null)),
                ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN
        VehicleState s = in.input().vehicles().get(0);
        assertThat(s.departure()).isEqualTo(java.time.Instant.parse("2026-12-01T07:30:00Z"));
        assertThat(s.targetSoc()).isEqualTo(0.8);
        assertThat(s.maxChargeKw()).isEqualTo(11.0);
    }

    @Test
    void buildShouldFillUpWithinTheDefaultStayAndAssumeTheReserveWhenNothingIsKnown() {
        // GIVEN
        Vehicle v = LiveFixtures.vehicle(1);
        // WHEN
        LiveInput in = LiveInput.build(view(List.of(v), false), List.of(session("CP-1", v, null, null, null)),
                ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN
        VehicleState s = in.input().vehicles().get(0);
        assertThat(s.departure()).isEqualTo(NOW.plus(ControlConfig.DEFAULT.defaultDwell()));
        assertThat(s.targetSoc()).isEqualTo(1.0);
        assertThat(s.soc()).isEqualTo(v.reserveSoc());
    }

    @Test
    void buildShouldAllowDischargeOnlyWithConsentOnACapableCharger() {
        // GIVEN one vehicle with consent, one without
        Vehicle consenting = LiveFixtures.vehicle(1, new V2gConsent.DailyCycleCap(1), List.of(), List.of());
        Vehicle refusing = LiveFixtures.vehicle(2);
        List<PluggedSession> sessions = List.of(session("CP-1", consenting, 0.6, null, null),
                session("CP-2", refusing, 0.6, null, null));
        // WHEN on discharge-capable and on charge-only chargers
        LiveInput capable = LiveInput.build(view(List.of(consenting, refusing), true), sessions,
                ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        LiveInput chargeOnly = LiveInput.build(view(List.of(consenting, refusing), false), sessions,
                ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN only consent on a capable charger discharges, limited by vehicle and charger
        assertThat(capable.input().vehicles()).extracting(VehicleState::maxDischargeKw).containsExactlyInAnyOrder(7.0, 0.0);
        assertThat(capable.input().vehicles()).extracting(VehicleState::maxChargeKw).containsExactlyInAnyOrder(11.0, 7.4);
        assertThat(chargeOnly.input().vehicles()).extracting(VehicleState::maxDischargeKw).containsOnly(0.0);
    }

    @Test
    void buildShouldCountUnsteeredSessionsAsSiteBaseLoadWhenTheyAreNotMatched() {
        // GIVEN an unmatched session drawing 6 kW and a vehicle plugged in twice
        Vehicle v = LiveFixtures.vehicle(1);
        List<PluggedSession> sessions = List.of(session("CP-1", null, null, 6.0, null),
                session("CP-2", v, 0.5, 2.0, null), session("CP-3", v, 0.5, 1.0, null));
        FleetView view = FleetView.of(List.of(LiveFixtures.siteWith(site,
                LiveFixtures.charger("CP-1", site.id(), 22, false), LiveFixtures.charger("CP-2", site.id(), 22, false),
                LiveFixtures.charger("CP-3", site.id(), 22, false))), List.of(v));
        // WHEN
        LiveInput in = LiveInput.build(view, sessions, ONLINE, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN
        assertThat(in.input().vehicles()).hasSize(1);
        assertThat(in.input().sites().get(siteId).baseLoadKw()).isEqualTo(7.0);
        assertThat(in.input().sites().get(siteId).limitKw()).isEqualTo(100.0);
    }

    @Test
    void buildShouldCountAnOfflineChargersDrawAsSiteBaseLoadWhenItCannotBeSteered() {
        // GIVEN CP-1 in session and CP-2 offline, still allowed 5 kW by its profiles
        Vehicle v = LiveFixtures.vehicle(1);
        List<PluggedSession> sessions = List.of(session("CP-1", v, 0.5, 11.0, null));
        OfflineLoad cp2Offline = (charger, now) -> charger.chargerId().equals("CP-2") ? 5.0 : 0;
        // WHEN
        LiveInput in = LiveInput.build(view(List.of(v), false), sessions,
                cp2Offline, NO_HEALTH_DATA, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN
        assertThat(in.input().vehicles()).hasSize(1);
        assertThat(in.input().sites().get(siteId).baseLoadKw()).isEqualTo(5.0);
    }

    @Test
    void buildShouldNeverOfferDischargeAndShouldPriceMeasuredWearWhenTheOwnersBudgetIsSpent() {
        // GIVEN a consenting vehicle whose daily extra-cycle cap the health job found spent today
        Vehicle v = LiveFixtures.vehicle(1, new V2gConsent.DailyCycleCap(1), List.of(), List.of());
        VehicleWear spent = WearFixtures.exhaustedDailyCap(v.id(), LocalDate.ofInstant(NOW, ZoneOffset.UTC), 0.123);
        // WHEN on a discharge-capable charger
        LiveInput in = LiveInput.build(view(List.of(v), true), List.of(session("CP-1", v, 0.8, null, null)),
                ONLINE, spent, NOW, STEP, ControlConfig.DEFAULT, FLAT);
        // THEN it may still charge but never discharge, and its wear is priced from its measured health
        VehicleState s = in.input().vehicles().get(0);
        assertThat(s.maxDischargeKw()).isZero();
        assertThat(s.maxChargeKw()).isPositive();
        assertThat(s.degradationCostPerKwh()).isEqualTo(0.123);
    }
}
