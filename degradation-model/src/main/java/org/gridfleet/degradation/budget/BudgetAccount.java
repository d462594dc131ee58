package org.gridfleet.degradation.budget;

import java.time.LocalDate;
import java.util.Objects;
import org.gridfleet.degradation.DegradationImpact;

/**
 * One vehicle's use of its {@link DegradationBudget} in the current period. Immutable: spending
 * returns a new account, and a day in a later period starts a fresh one. Days are local dates of
 * the owner's zone, chosen by the caller from its clock.
 *
 * @param budget the owner's budget
 * @param periodStart first day of the period {@code spent} belongs to
 * @param spent wear charged in that period, in the budget's unit, &gt;= 0
 */
public record BudgetAccount(DegradationBudget budget, LocalDate periodStart, double spent) {

    public BudgetAccount {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(periodStart, "periodStart");
        if (!budget.periodStart(periodStart).equals(periodStart)) {
            throw new IllegalArgumentException("periodStart must start a budget period, but was " + periodStart);
        }
        if (!(spent >= 0.0 && Double.isFinite(spent))) {
            throw new IllegalArgumentException("spent must be >= 0, but was " + spent);
        }
    }

    /** A fresh account for the period containing {@code day}. */
    public static BudgetAccount open(DegradationBudget budget, LocalDate day) {
        return new BudgetAccount(budget, budget.periodStart(day), 0.0);
    }

    /** Budget left on {@code day}, in the budget's unit; never negative. */
    public double remaining(LocalDate day) {
        return Math.max(0.0, budget.limit() - spentOn(day));
    }

    /** False once the budget of {@code day}'s period is exhausted: such a vehicle is never discharged. */
    public boolean allowsDischarge(LocalDate day) {
        return remaining(day) > 0.0;
    }

    /** True if the budget is not exhausted and {@code proposed} fits in what remains. */
    public boolean allowsDischarge(LocalDate day, DegradationImpact proposed) {
        // compare the sum afterSpending would store, so rounding can never let spent exceed the limit
        double spent = spentOn(day);
        return spent < budget.limit() && spent + Math.max(0.0, budget.measure(proposed)) <= budget.limit();
    }

    /**
     * The account after wear actually caused on {@code day}. Negative impacts (a schedule that aged
     * the battery less than its baseline) earn nothing back.
     */
    public BudgetAccount afterSpending(LocalDate day, DegradationImpact actual) {
        double charged = Math.max(0.0, budget.measure(actual));
        return new BudgetAccount(budget, budget.periodStart(day), spentOn(day) + charged);
    }

    private double spentOn(LocalDate day) {
        LocalDate period = budget.periodStart(day);
        if (period.isBefore(periodStart)) {
            throw new IllegalArgumentException("day " + day + " precedes the account's period starting "
                    + periodStart);
        }
        return period.equals(periodStart) ? spent : 0.0;
    }
}
