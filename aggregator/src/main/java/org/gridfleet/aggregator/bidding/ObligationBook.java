package org.gridfleet.aggregator.bidding;

import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The aggregator's obligations and their lifecycle against one {@link MarketAdapter}: offered → awarded (baseline
 * declared) → delivering → settled, or rejected / failed. Each step is one explicit call driven by the clock;
 * the transitions themselves are market-adapters' {@link Obligation} state machine (an illegal one throws and
 * changes nothing here).
 *
 * <p>Not thread-safe: drive it from one thread.
 */
public final class ObligationBook {

    private final MarketAdapter market;
    private final Clock clock;
    private final Map<String, Obligation> byId = new LinkedHashMap<>();

    /**
     * @param market the market offers go to and awards come from
     * @param clock the (simulated) clock
     */
    public ObligationBook(MarketAdapter market, Clock clock) {
        this.market = Objects.requireNonNull(market, "market");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Submits an offer; the obligation is OFFERED. */
    public Obligation submit(Offer offer) {
        Obligation o = market.submit(offer);
        byId.put(o.offerId(), o);
        return o;
    }

    /**
     * Moves obligations along as time passes: OFFERED ones whose award is published become AWARDED (or REJECTED for
     * 0 kW) and get the baseline {@code declare} gives them; AWARDED ones whose period has begun start delivering.
     *
     * @param declare the baseline to declare for a freshly awarded obligation (e.g. from {@link BaselinePlanner})
     * @return the obligations that started delivering in this call (hand them to the dispatcher)
     */
    public List<Obligation> advance(Function<Obligation, Baseline> declare) {
        Instant now = clock.instant();
        List<Obligation> started = new ArrayList<>();
        for (Map.Entry<String, Obligation> e : byId.entrySet()) {
            Obligation o = e.getValue();
            if (o.state() == ObligationState.OFFERED) {
                Optional<Award> award = awardOf(o);
                if (award.isPresent()) {
                    o = o.award(award.get(), now);
                    if (o.state() == ObligationState.AWARDED) {
                        o = o.declareBaseline(declare.apply(o));
                    }
                }
            }
            if (o.state() == ObligationState.AWARDED && o.period().contains(now)) {
                o = o.startDelivery(now);
                started.add(o);
            }
            e.setValue(o);
        }
        return started;
    }

    /**
     * Settles a DELIVERING obligation whose period is over with {@code settler} (e.g.
     * {@code o -> regulationSettlement.settle(o, score, mileageRatio, now)}, which may also fail it).
     *
     * @throws IllegalArgumentException if the obligation is unknown or its period has not ended
     */
    public Obligation settle(String offerId, UnaryOperator<Obligation> settler) {
        Obligation o = require(offerId);
        if (clock.instant().isBefore(o.period().end())) {
            throw new IllegalArgumentException("obligation " + offerId + " cannot settle before its period ends at "
                    + o.period().end());
        }
        Obligation next = settler.apply(o);
        byId.put(offerId, next);
        return next;
    }

    /**
     * Puts back an obligation recorded before a restart (e.g. read from the database), in the state it was in.
     *
     * @throws IllegalArgumentException if its offer id is already in the book
     */
    public void restore(Obligation obligation) {
        if (byId.putIfAbsent(obligation.offerId(), obligation) != null) {
            throw new IllegalArgumentException("offerId " + obligation.offerId() + " is already in the book");
        }
    }

    /** Marks an obligation failed (it cannot be delivered). */
    public Obligation fail(String offerId, String why) {
        Obligation next = require(offerId).fail(why, clock.instant());
        byId.put(offerId, next);
        return next;
    }

    /** The obligation with this offer id. */
    public Optional<Obligation> get(String offerId) {
        return Optional.ofNullable(byId.get(offerId));
    }

    /** Every obligation, in submission order. */
    public List<Obligation> all() {
        return List.copyOf(byId.values());
    }

    private Optional<Award> awardOf(Obligation o) {
        for (Award a : market.awards(o.period())) {
            if (a.offerId().equals(o.offerId())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private Obligation require(String offerId) {
        Obligation o = byId.get(offerId);
        if (o == null) {
            throw new IllegalArgumentException("offerId " + offerId + " is not in the book");
        }
        return o;
    }
}
