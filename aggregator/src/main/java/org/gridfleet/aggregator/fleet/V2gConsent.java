package org.gridfleet.aggregator.fleet;

/**
 * The owner's consent to discharge (V2G). Off, or on with exactly one bound on battery wear:
 * a yearly capacity-loss budget in percent of nominal capacity, or a cap on extra full
 * equivalent cycles per day.
 */
public sealed interface V2gConsent {

    /** No discharge at all. */
    record Off() implements V2gConsent { }

    /** Discharge allowed while the yearly capacity loss caused by V2G stays under {@code yearlyCapacityLossPct}. */
    record DegradationBudget(double yearlyCapacityLossPct) implements V2gConsent {
        public DegradationBudget {
            if (!(yearlyCapacityLossPct > 0 && yearlyCapacityLossPct <= 20)) {
                throw new IllegalArgumentException("yearlyCapacityLossPct must be in (0, 20]: " + yearlyCapacityLossPct);
            }
        }
    }

    /** Discharge allowed up to {@code extraCyclesPerDay} full equivalent cycles per day beyond driving. */
    record DailyCycleCap(double extraCyclesPerDay) implements V2gConsent {
        public DailyCycleCap {
            if (!(extraCyclesPerDay > 0 && extraCyclesPerDay <= 5)) {
                throw new IllegalArgumentException("extraCyclesPerDay must be in (0, 5]: " + extraCyclesPerDay);
            }
        }
    }

    default boolean allowsDischarge() {
        return !(this instanceof Off);
    }

}
