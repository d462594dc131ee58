package org.gridfleet.degradation.budget;

import java.time.LocalDate;
import org.gridfleet.degradation.DegradationImpact;

/**
 * An owner's limit on the wear that grid services may add to their battery, per budget period.
 * Each variant says which part of a {@link DegradationImpact} it counts and how long its period is.
 */
public sealed interface DegradationBudget {

    /** The budget per period, in the unit of {@link #measure}. */
    double limit();

    /** The part of an impact this budget counts (its unit is the limit's). */
    double measure(DegradationImpact impact);

    /** First day of the period that contains {@code day}. */
    LocalDate periodStart(LocalDate day);

    /** A yearly budget in currency (calendar year). */
    record YearlyCost(double currencyPerYear) implements DegradationBudget {
        public YearlyCost {
            requireNonNegative("currencyPerYear", currencyPerYear);
        }

        @Override
        public double limit() {
            return currencyPerYear;
        }

        @Override
        public double measure(DegradationImpact impact) {
            return impact.cost();
        }

        @Override
        public LocalDate periodStart(LocalDate day) {
            return day.withDayOfYear(1);
        }
    }

    /** A yearly budget of relative capacity, e.g. 0.01 = one percentage point per calendar year. */
    record YearlyCapacity(double capacityFractionPerYear) implements DegradationBudget {
        public YearlyCapacity {
            requireNonNegative("capacityFractionPerYear", capacityFractionPerYear);
            if (capacityFractionPerYear > 1.0) {
                throw new IllegalArgumentException("capacityFractionPerYear must be <= 1, but was "
                        + capacityFractionPerYear);
            }
        }

        @Override
        public double limit() {
            return capacityFractionPerYear;
        }

        @Override
        public double measure(DegradationImpact impact) {
            return impact.capacityLoss();
        }

        @Override
        public LocalDate periodStart(LocalDate day) {
            return day.withDayOfYear(1);
        }
    }

    /** A daily cap on extra equivalent full cycles. */
    record DailyExtraCycles(double cyclesPerDay) implements DegradationBudget {
        public DailyExtraCycles {
            requireNonNegative("cyclesPerDay", cyclesPerDay);
        }

        @Override
        public double limit() {
            return cyclesPerDay;
        }

        @Override
        public double measure(DegradationImpact impact) {
            return impact.extraCycles();
        }

        @Override
        public LocalDate periodStart(LocalDate day) {
            return day;
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
        }
    }
}
