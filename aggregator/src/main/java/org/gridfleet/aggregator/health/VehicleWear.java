package org.gridfleet.aggregator.health;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * What the live control loop asks each tick about a vehicle's battery wear: its wear price per kWh taken out of
 * the battery (from its current health) and how much it may still discharge under its owner's degradation
 * budget. Reads an immutable snapshot the {@link HealthJob} replaces after each pass; lookups allocate nothing
 * and are safe from any thread. A vehicle the snapshot does not know (no pass yet, just registered) gets the
 * caller's fallback price and is limited by its power only (its V2G consent still applies in the caller).
 * Days are UTC dates.
 */
public final class VehicleWear {

    private volatile Map<UUID, Entry> entries = Map.of();

    /**
     * One vehicle's wear terms.
     *
     * @param pricePerKwh wear price, currency per kWh out of the battery, &gt;= 0
     * @param budget the effective budget, or null when none applies
     * @param periodStart first day of the budget period {@code spent} belongs to (null without budget)
     * @param periodEnd first day after that period (null without budget)
     * @param spent wear charged in that period, budget unit
     * @param measurePerKwh the budget's measure of one kWh out of the battery, budget unit per kWh
     */
    record Entry(double pricePerKwh, DegradationBudget budget, LocalDate periodStart, LocalDate periodEnd,
                 double spent, double measurePerKwh) {

        Entry {
            if (!(pricePerKwh >= 0 && Double.isFinite(pricePerKwh))) {
                throw new IllegalArgumentException("pricePerKwh must be >= 0, but was " + pricePerKwh);
            }
        }

        /** Terms of a vehicle with the account of {@code budget} (null: none). */
        static Entry of(double pricePerKwh, BudgetAccount account, double measurePerKwh) {
            if (account == null) {
                return new Entry(pricePerKwh, null, null, null, 0, 0);
            }
            DegradationBudget b = account.budget();
            LocalDate start = account.periodStart();
            LocalDate end = b instanceof DegradationBudget.DailyExtraCycles ? start.plusDays(1) : start.plusYears(1);
            return new Entry(pricePerKwh, b, start, end, account.spent(), measurePerKwh);
        }

        /** Budget left on {@code day}; a later period starts full, an earlier one counts as the current one. */
        double remaining(LocalDate day) {
            double spentThen = day.isBefore(periodEnd) ? spent : 0;
            return Math.max(0, budget.limit() - spentThen);
        }
    }

    /** Replaces the snapshot (by the job). */
    void replace(Map<UUID, Entry> next) {
        entries = Map.copyOf(Objects.requireNonNull(next, "next"));
    }

    /** Wear price of the vehicle's battery from its current health, currency per kWh out; {@code fallback} if unknown. */
    public double pricePerKwh(UUID vehicleId, double fallback) {
        Entry e = entries.get(vehicleId);
        return e == null ? fallback : e.pricePerKwh();
    }

    /** False once the vehicle's budget for {@code day} is exhausted: such a vehicle is never discharged. */
    public boolean mayDischarge(UUID vehicleId, LocalDate day) {
        Entry e = entries.get(vehicleId);
        return e == null || e.budget() == null || e.remaining(day) > 0;
    }

    /**
     * The discharge power the vehicle may be given for a step of {@code stepHours} on {@code day}: its power limit,
     * lowered so the step cannot spend more than the budget left, 0 once the budget is exhausted. Grid-side kW
     * (positive magnitude); {@code efficiency} is the one-way charger efficiency (battery kWh × efficiency = grid kWh).
     */
    public double maxDischargeKw(UUID vehicleId, double powerLimitKw, LocalDate day, double stepHours,
                                 double efficiency) {
        Entry e = entries.get(vehicleId);
        if (e == null || e.budget() == null || powerLimitKw <= 0) {
            return powerLimitKw;
        }
        double left = e.remaining(day);
        if (left <= 0) {
            return 0;
        }
        if (e.measurePerKwh() <= 0) {
            return powerLimitKw;
        }
        return Math.min(powerLimitKw, left / e.measurePerKwh() * efficiency / stepHours);
    }
}
