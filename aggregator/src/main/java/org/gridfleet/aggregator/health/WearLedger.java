package org.gridfleet.aggregator.health;

import java.time.LocalDate;
import java.util.Objects;
import org.gridfleet.degradation.DegradationImpact;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * The wear grid services caused to one battery, kept in every budget unit at once so a budget of any kind
 * (and a change of kind) can be checked against it: currency and relative capacity in the calendar year of
 * {@code yearStart}, extra equivalent full cycles on {@code day}. Days are UTC dates. Immutable.
 *
 * @param yearStart first day of the year the yearly sums belong to
 * @param costYear wear cost this year, currency, &gt;= 0
 * @param capacityYear relative capacity lost to the wear this year, &gt;= 0
 * @param day the day {@code cyclesDay} belongs to
 * @param cyclesDay extra equivalent full cycles on {@code day}, &gt;= 0
 */
public record WearLedger(LocalDate yearStart, double costYear, double capacityYear, LocalDate day, double cyclesDay) {

    public WearLedger {
        Objects.requireNonNull(yearStart, "yearStart");
        Objects.requireNonNull(day, "day");
        if (yearStart.getDayOfYear() != 1) {
            throw new IllegalArgumentException("yearStart must be a 1 January, but was " + yearStart);
        }
        requireSpent("costYear", costYear);
        requireSpent("capacityYear", capacityYear);
        requireSpent("cyclesDay", cyclesDay);
    }

    /** Nothing spent yet, as of {@code day}. */
    public static WearLedger empty(LocalDate day) {
        return new WearLedger(day.withDayOfYear(1), 0, 0, day, 0);
    }

    /** The ledger after wear caused on {@code on}; a later year or day starts its sums afresh. Negative wear earns nothing back. */
    public WearLedger after(LocalDate on, DegradationImpact wear) {
        LocalDate year = on.withDayOfYear(1);
        boolean sameYear = year.equals(yearStart);
        boolean sameDay = on.equals(day);
        return new WearLedger(year, (sameYear ? costYear : 0) + Math.max(0, wear.cost()),
                (sameYear ? capacityYear : 0) + Math.max(0, wear.capacityLoss()), on,
                (sameDay ? cyclesDay : 0) + Math.max(0, wear.extraCycles()));
    }

    /** The account of {@code budget} for the period containing {@code today}, charged with what this ledger holds for it. */
    public BudgetAccount account(DegradationBudget budget, LocalDate today) {
        LocalDate period = budget.periodStart(today);
        double spent;
        if (budget instanceof DegradationBudget.DailyExtraCycles) {
            spent = period.equals(day) ? cyclesDay : 0;
        } else if (budget instanceof DegradationBudget.YearlyCapacity) {
            spent = period.equals(yearStart) ? capacityYear : 0;
        } else {
            spent = period.equals(yearStart) ? costYear : 0;
        }
        return new BudgetAccount(budget, period, spent);
    }

    private static void requireSpent(String name, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be >= 0, but was " + value);
        }
    }
}
