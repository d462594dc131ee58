package org.gridfleet.market;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One offer and what became of it: an immutable snapshot whose transition methods return the next snapshot.
 * The lifecycle is {@link ObligationState}; an illegal transition throws
 * {@link IllegalObligationTransitionException} and changes nothing.
 *
 * <p>The baseline (kW per interval, positive = import) must be declared before delivery starts: it is what the
 * fleet would have drawn without the product, and requests and performance are measured against it.
 *
 * @param offer the offer
 * @param state where the obligation is in its lifecycle
 * @param award the market's award, {@code null} until AWARDED
 * @param baseline the declared baseline, {@code null} until declared
 * @param settlement credits, {@code null} until SETTLED
 * @param reason why the obligation was rejected or failed, {@code null} otherwise
 * @param since when the current state was entered
 */
public record Obligation(Offer offer, ObligationState state, Award award, Baseline baseline, Settlement settlement,
                         String reason, Instant since) {

    /** @throws IllegalArgumentException if the fields do not fit the state */
    public Obligation {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        boolean awarded = state == ObligationState.AWARDED || state == ObligationState.DELIVERING
                || state == ObligationState.SETTLED;
        if (awarded && award == null) {
            throw new IllegalArgumentException("award must be set in state " + state);
        }
        if (state == ObligationState.SETTLED && settlement == null) {
            throw new IllegalArgumentException("settlement must be set in state SETTLED");
        }
        if (state == ObligationState.DELIVERING && baseline == null) {
            throw new IllegalArgumentException("baseline must be declared in state DELIVERING");
        }
    }

    /** A new obligation in state OFFERED, submitted at {@code at}. */
    public static Obligation offered(Offer offer, Instant at) {
        return new Obligation(offer, ObligationState.OFFERED, null, null, null, null, at);
    }

    /** The offer id. */
    public String offerId() {
        return offer.offerId();
    }

    /** The delivery period. */
    public DeliveryPeriod period() {
        return offer.period();
    }

    /** Awarded capability, kW; 0 until awarded. */
    public double awardedKw() {
        return award == null ? 0 : award.awardedKw();
    }

    /** The award, if any. */
    public Optional<Award> awardIfAny() {
        return Optional.ofNullable(award);
    }

    /**
     * Applies the market's award. An award of 0 kW is a rejection.
     *
     * @throws IllegalObligationTransitionException if not OFFERED
     * @throws IllegalArgumentException if the award is for another offer or period or exceeds the offered kW
     */
    public Obligation award(Award award, Instant at) {
        Objects.requireNonNull(award, "award");
        if (!award.offerId().equals(offerId())) {
            throw new IllegalArgumentException("award is for offer " + award.offerId() + ", not " + offerId());
        }
        if (!award.period().equals(period())) {
            throw new IllegalArgumentException("award period " + award.period() + " differs from offer period "
                    + period());
        }
        if (award.awardedKw() > offer.capabilityKw()) {
            throw new IllegalArgumentException("awardedKw must be <= offered " + offer.capabilityKw()
                    + ", but was " + award.awardedKw());
        }
        if (award.awardedKw() == 0) {
            return reject("cleared 0 kW", at);
        }
        state.requireTransition(offerId(), ObligationState.AWARDED);
        return new Obligation(offer, ObligationState.AWARDED, award, baseline, null, null, at);
    }

    /**
     * Declares the baseline; allowed before delivery only.
     *
     * @throws IllegalStateException if delivery has started or the obligation has ended
     * @throws IllegalArgumentException if the baseline does not cover the delivery period
     */
    public Obligation declareBaseline(Baseline declared) {
        Objects.requireNonNull(declared, "declared");
        if (state != ObligationState.OFFERED && state != ObligationState.AWARDED) {
            throw new IllegalStateException("baseline of obligation " + offerId()
                    + " can only be declared before delivery, but state is " + state);
        }
        if (!declared.covers(period())) {
            throw new IllegalArgumentException("baseline " + declared.start() + " .. " + declared.end()
                    + " does not cover the delivery period " + period());
        }
        return new Obligation(offer, state, award, declared, settlement, reason, since);
    }

    /**
     * Starts delivery.
     *
     * @throws IllegalObligationTransitionException if not AWARDED
     * @throws IllegalStateException if no baseline was declared
     * @throws IllegalArgumentException if {@code at} is outside the delivery period
     */
    public Obligation startDelivery(Instant at) {
        state.requireTransition(offerId(), ObligationState.DELIVERING);
        if (baseline == null) {
            throw new IllegalStateException("obligation " + offerId() + " cannot deliver without a declared baseline");
        }
        if (!period().contains(at)) {
            throw new IllegalArgumentException("delivery of " + offerId() + " cannot start at " + at
                    + ", outside " + period());
        }
        return new Obligation(offer, ObligationState.DELIVERING, award, baseline, null, null, at);
    }

    /**
     * Settles a finished delivery.
     *
     * @throws IllegalObligationTransitionException if not DELIVERING
     * @throws IllegalArgumentException if {@code at} is before the end of the delivery period
     */
    public Obligation settle(Settlement credits, Instant at) {
        Objects.requireNonNull(credits, "credits");
        state.requireTransition(offerId(), ObligationState.SETTLED);
        if (at.isBefore(period().end())) {
            throw new IllegalArgumentException("obligation " + offerId() + " cannot settle at " + at
                    + ", before its period ends at " + period().end());
        }
        return new Obligation(offer, ObligationState.SETTLED, award, baseline, credits, null, at);
    }

    /**
     * The market did not clear the offer.
     *
     * @throws IllegalObligationTransitionException if not OFFERED
     */
    public Obligation reject(String why, Instant at) {
        state.requireTransition(offerId(), ObligationState.REJECTED);
        return new Obligation(offer, ObligationState.REJECTED, null, baseline, null, Objects.requireNonNull(why), at);
    }

    /**
     * The obligation could not be delivered, or its delivery earned nothing.
     *
     * @throws IllegalObligationTransitionException if not AWARDED or DELIVERING
     */
    public Obligation fail(String why, Instant at) {
        state.requireTransition(offerId(), ObligationState.FAILED);
        return new Obligation(offer, ObligationState.FAILED, award, baseline, null, Objects.requireNonNull(why), at);
    }
}
