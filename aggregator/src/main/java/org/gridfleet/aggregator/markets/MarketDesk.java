package org.gridfleet.aggregator.markets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.gridfleet.aggregator.bidding.BaselinePlanner;
import org.gridfleet.aggregator.bidding.FlexibilityForecast;
import org.gridfleet.aggregator.bidding.ObligationBook;
import org.gridfleet.aggregator.bidding.OfferBuilder;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrSettlement;
import org.gridfleet.market.regulation.RegulationSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The market desk of the running aggregator: on every tick of the injected clock it bids each configured product
 * before its gate closes (P90 forecast → {@link OfferBuilder}), takes awards (polled from the adapter or pushed
 * by the market) into the {@link ObligationBook} with a declared baseline, starts and ends delivery (telling the
 * {@link GridServiceInbox}) and settles finished periods. Every change of an obligation is written to PostgreSQL
 * with the transition's actor before an award is acknowledged, and {@link #start()} puts them back.
 *
 * <p>One state machine per obligation, one handler per state ({@link #tick}): OFFERED waits for an award, AWARDED
 * waits for its period (or fails when the period passed undelivered), DELIVERING waits for the period end and
 * settles. All of it runs on one worker thread (adapter calls and the forecast may block or take CPU); readers get
 * immutable snapshots.
 */
public final class MarketDesk {

    /** The actor of the transitions the desk makes on its own schedule. */
    public static final String DESK_ACTOR = "desk";
    private static final Logger LOG = LoggerFactory.getLogger(MarketDesk.class);

    private final Vertx vertx;
    private final MarketDeskConfig config;
    private final PushedAwards market;
    private final ObligationBook book;
    private final ObligationStore store;
    private final FlexibilityPlanSource plans;
    private final DeliveryScores scores;
    private final GridServiceInbox inbox;
    private final Clock clock;
    private final RegulationSettlement regulation;
    private final Map<String, ProductTerms> terms = new LinkedHashMap<>();
    /** What the database holds, per offer id: the base of the next diff. */
    private final Map<String, Obligation> persisted = new HashMap<>();
    /** The state the inbox was last told about, per offer id. */
    private final Map<String, ObligationState> announced = new HashMap<>();
    private final WorkerExecutor worker;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile List<Obligation> snapshot = List.of();
    private volatile List<Obligation> delivering = List.of();
    private long timerId = -1;

    /**
     * @param market the market (or replay) the offers go to and awards come from
     * @param store where obligations are kept across restarts
     * @throws IllegalArgumentException if a configured product is not traded by {@code market}
     */
    MarketDesk(Vertx vertx, MarketAdapter market, MarketDeskConfig config, ObligationStore store,
               FlexibilityPlanSource plans, DeliveryScores scores, GridServiceInbox inbox, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.market = new PushedAwards(market);
        this.store = Objects.requireNonNull(store, "store");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.scores = Objects.requireNonNull(scores, "scores");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.book = new ObligationBook(this.market, clock);
        this.regulation = new RegulationSettlement(config.scoring());
        for (ProductTerms t : config.products()) {
            if (!market.products().contains(t.product())) {
                throw new IllegalArgumentException("products: " + t.product().id() + " is not traded by the market");
            }
            terms.put(t.product().id(), t);
        }
        // One thread: the book and the diffs are single-threaded by construction.
        this.worker = vertx.createSharedWorkerExecutor("gridfleet-market-desk-" + System.identityHashCode(this), 1);
    }

    /**
     * Restores the stored obligations (re-activating those still delivering) and starts the tick timer.
     *
     * @return fails if the database cannot be read or holds an obligation of a product not configured
     */
    public Future<Void> start() {
        return worker.executeBlocking(this::restore, true).onSuccess(v -> {
            timerId = vertx.setPeriodic(config.tick().toMillis(), id -> {
                if (ticking.compareAndSet(false, true)) {
                    tick().onComplete(ar -> ticking.set(false))
                            .onFailure(e -> LOG.warn("market desk tick failed: {}", e.getMessage(), e));
                }
            });
        });
    }

    /** Stops the timer; a tick in progress finishes. */
    public Future<Void> stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        return worker.close();
    }

    /**
     * One look at the clock: bid, take awards, start, end and settle, then persist. Driven by the timer; tests call
     * it with a settable clock.
     *
     * @return the obligations that changed
     */
    public Future<List<Obligation>> tick() {
        return worker.executeBlocking(this::advance, true);
    }

    /**
     * Applies an award the market pushed, answered once it is stored.
     *
     * @param actor who pushed it (stored with the transition)
     * @return the obligation, AWARDED with its declared baseline (or REJECTED for 0 kW); fails with a
     *     {@link GridfleetException} CONFLICT when the award does not answer an open offer (unknown offer id, not
     *     OFFERED, other period, more kW than offered, period over)
     */
    public Future<Obligation> pushAward(Award award, String actor) {
        return worker.executeBlocking(() -> {
            Obligation o = book.get(award.offerId()).orElseThrow(() ->
                    GridfleetException.conflict("no open offer " + award.offerId()));
            if (o.state() != ObligationState.OFFERED) {
                if (award.equals(o.award())) {
                    advance(); // a repeated push: answer as before once the award is stored
                    return book.get(award.offerId()).orElseThrow();
                }
                throw GridfleetException.conflict("offer " + award.offerId() + " is " + o.state() + ", not open");
            }
            requireMatches(award, o);
            market.push(award, actor);
            advance();
            Obligation after = book.get(award.offerId()).orElseThrow();
            if (after.state() == ObligationState.OFFERED) {
                // the baseline could not be declared (the plan source failed): keep the award for the next tick
                throw GridfleetException.unavailable("award for " + award.offerId() + " not applied yet", null);
            }
            market.forget(award.offerId());
            return after;
        }, true);
    }

    /** Every offer and obligation, in submission order (a snapshot as of the last tick). */
    public List<Obligation> obligations() {
        return snapshot;
    }

    /** The obligations in DELIVERING as of the last tick. */
    public List<Obligation> delivering() {
        return delivering;
    }

    /** The stored transitions of one offer, oldest first. */
    Future<List<ObligationStore.Transition>> transitions(String offerId) {
        return worker.executeBlocking(() -> store.transitions(offerId), false);
    }

    private Void restore() {
        for (Obligation o : store.load(products())) {
            book.restore(o);
            persisted.put(o.offerId(), o);
        }
        // A restart finds a delivering obligation's dispatcher empty: hand it over again.
        announce();
        publish();
        LOG.info("market desk restored {} obligations, {} delivering", snapshot.size(), delivering.size());
        return null;
    }

    private List<Obligation> advance() {
        Instant now = clock.instant();
        for (ProductTerms t : config.products()) {
            bid(t, now);
        }
        try {
            book.advance(this::declare);
        } catch (RuntimeException e) {
            // a baseline that cannot be declared now leaves its obligation OFFERED; the award is taken next tick
            LOG.warn("market desk could not take an award yet: {}", e.getMessage());
        }
        for (Obligation o : book.all()) {
            boolean over = !now.isBefore(o.period().end());
            if (over && o.state() == ObligationState.AWARDED) {
                book.fail(o.offerId(), "delivery period ended before delivery started");
            } else if (over && o.state() == ObligationState.DELIVERING) {
                book.settle(o.offerId(), d -> settle(d, now));
            }
        }
        announce();
        publish();
        return persist();
    }

    /** OFFERED's entry: before the gate, forecast the block and offer its P90 capability. */
    private void bid(ProductTerms t, Instant now) {
        Product product = t.product();
        MarketAdapter.GateClosure gate = market.nextGateClosure(product, now);
        String offerId = offerId(product, gate.period());
        if (now.isBefore(gate.closesAt().minus(config.bidLead())) || book.get(offerId).isPresent()) {
            return;
        }
        try {
            FlexibilityPlan plan = plans.plan(gate.period());
            if (plan.vehicles().isEmpty()) {
                return;
            }
            FlexibilityForecast.BlockForecast forecast = FlexibilityForecast.forecast(gate.period(),
                    config.envelopeInterval(), config.departureRisk().sample(plan.vehicles(), now), plan.tree(),
                    plan.plannedKw(), t.excursion());
            Optional<Offer> offer = OfferBuilder.offer(offerId, product, forecast, t.pricing(),
                    t.performancePricePerMw());
            if (offer.isPresent()) {
                book.submit(offer.get());
            }
        } catch (RuntimeException e) {
            // one product's failure (plan source down, gate closed meanwhile) must not stop the others
            LOG.warn("[product: {}] no offer for {}: {}", product.id(), gate.period(), e.getMessage());
        }
    }

    /** AWARDED's entry: the flat baseline the fleet can follow the award around. */
    private Baseline declare(Obligation o) {
        ProductTerms t = terms.get(o.offer().product().id());
        FlexibilityPlan plan = plans.plan(o.period());
        BaselinePlanner.Declaration d = BaselinePlanner.declare(o.period(), config.envelopeInterval(),
                plan.vehicles(), plan.tree(), plan.plannedKw(), o.awardedKw(), t.excursion());
        if (d.feasibleKw() < o.awardedKw()) {
            LOG.warn("[offer: {}] awarded {} kW but only {} kW fit the fleet now", o.offerId(), o.awardedKw(),
                    d.feasibleKw());
        }
        return d.baseline();
    }

    /** DELIVERING's exit: regulation credits follow the score (FAILED below the credit threshold); FCR has none. */
    private Obligation settle(Obligation d, Instant now) {
        if (d.offer().product().kind() == ProductKind.REGULATION) {
            DeliveryScores.DeliveryScore s = scores.scoreOf(d);
            return regulation.settle(d, s.score(), s.mileageRatio(), now);
        }
        return d.settle(FcrSettlement.credits(d.award()), now);
    }

    /**
     * Tells the inbox about every delivery start and end since the last call (so none is missed after a failure).
     * A delivering obligation whose period is already over (restored after a long outage) is not handed over: its
     * baseline ends with the period, and the next tick settles it.
     */
    private void announce() {
        Instant now = clock.instant();
        for (Obligation o : book.all()) {
            ObligationState before = announced.get(o.offerId());
            if (o.state() == ObligationState.DELIVERING && before != ObligationState.DELIVERING
                    && o.period().contains(now)) {
                ProductTerms t = terms.get(o.offer().product().id());
                inbox.activated(ActiveObligation.of(o, t.droop()));
            } else if (before == ObligationState.DELIVERING && o.state() != ObligationState.DELIVERING) {
                inbox.ended(o.offerId());
            }
            announced.put(o.offerId(), o.state());
        }
    }

    /** Writes every obligation that differs from the stored one; on failure the next tick tries again. */
    private List<Obligation> persist() {
        List<ObligationStore.Change> changes = new ArrayList<>();
        for (Obligation o : book.all()) {
            Obligation before = persisted.get(o.offerId());
            if (!o.equals(before)) {
                changes.add(new ObligationStore.Change(before, o, market.pusher(o.offerId(), DESK_ACTOR), DESK_ACTOR));
            }
        }
        store.write(changes);
        List<Obligation> changed = new ArrayList<>(changes.size());
        for (ObligationStore.Change c : changes) {
            persisted.put(c.after().offerId(), c.after());
            if (c.after().state() != ObligationState.OFFERED) {
                market.stored(c.after().offerId());
            }
            changed.add(c.after());
        }
        return changed;
    }

    private void publish() {
        List<Obligation> all = book.all();
        snapshot = all;
        delivering = all.stream().filter(o -> o.state() == ObligationState.DELIVERING).toList();
    }

    private void requireMatches(Award award, Obligation o) {
        if (!award.period().equals(o.period())) {
            throw GridfleetException.conflict("award period " + award.period().start() + " .. "
                    + award.period().end() + " does not match offer " + o.offerId() + " for " + o.period().start()
                    + " .. " + o.period().end());
        }
        if (award.awardedKw() > o.offer().capabilityKw()) {
            throw GridfleetException.conflict("awardedKw " + award.awardedKw() + " exceeds the "
                    + o.offer().capabilityKw() + " kW offered in " + o.offerId());
        }
        if (!clock.instant().isBefore(o.period().end())) {
            throw GridfleetException.conflict("the delivery period of offer " + o.offerId() + " ended at "
                    + o.period().end());
        }
    }

    private Map<String, Product> products() {
        Map<String, Product> byId = new HashMap<>();
        terms.values().forEach(t -> byId.put(t.product().id(), t.product()));
        return byId;
    }

    /** Offer ids are product and period, so a period is offered once, also across restarts. */
    static String offerId(Product product, DeliveryPeriod period) {
        return product.id() + "@" + period.start();
    }
}
