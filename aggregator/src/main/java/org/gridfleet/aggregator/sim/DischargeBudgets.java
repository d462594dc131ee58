package org.gridfleet.aggregator.sim;

import java.time.LocalDate;
import org.gridfleet.degradation.DegradationImpact;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * The owners' degradation budgets during one run: what each vehicle may still discharge in a step, and the wear
 * charged to its account as it discharges. A vehicle without a budget is limited by its power only; one whose
 * budget is exhausted may discharge nothing, not even wear-free energy. Days are UTC dates of simulated time.
 */
final class DischargeBudgets {
    private final BudgetAccount[] accounts;
    /** The wear of one kWh taken out of each battery. */
    private final DegradationImpact[] perKwh;

    /**
     * @param vehicles the run's vehicles, by slot
     * @param wearPerKwh wear price per battery kWh out, by slot
     */
    DischargeBudgets(Scenario.Vehicle[] vehicles, double[] wearPerKwh, WearPrices prices, LocalDate firstDay) {
        accounts = new BudgetAccount[vehicles.length];
        perKwh = new DegradationImpact[vehicles.length];
        for (int i = 0; i < vehicles.length; i++) {
            Scenario.Vehicle v = vehicles[i];
            perKwh[i] = new DegradationImpact(prices.capacityLossPerKwh(v, wearPerKwh[i]), wearPerKwh[i],
                    1 / v.batteryKwh());
            Scenario.Budget b = v.degradationBudget();
            if (b != null) {
                DegradationBudget budget = budget(b);
                accounts[i] = new BudgetAccount(budget, budget.periodStart(firstDay),
                        b.spent() == null ? 0 : b.spent());
            }
        }
    }

    /** Whether a scenario budget is used up before the run starts. */
    static boolean exhaustedAtStart(Scenario.Budget b) {
        return b != null && b.spent() != null && b.spent() >= b.limit();
    }

    /** The owner budget a scenario entry names; the loader has checked kind and values. */
    static DegradationBudget budget(Scenario.Budget b) {
        return switch (b.kind()) {
            case "yearly-cost" -> new DegradationBudget.YearlyCost(b.limit());
            case "yearly-capacity" -> new DegradationBudget.YearlyCapacity(b.limit());
            case "daily-extra-cycles" -> new DegradationBudget.DailyExtraCycles(b.limit());
            default -> throw new IllegalArgumentException("unknown budget kind " + b.kind());
        };
    }

    /**
     * The discharge power slot {@code i} may be given for a step of {@code stepHours} on {@code day}: its power
     * limit, lowered so the step cannot spend more than the budget left, 0 once the budget is exhausted. Grid kW.
     */
    double maxDischargeKw(int i, double powerLimitKw, LocalDate day, double stepHours, double efficiency) {
        BudgetAccount account = accounts[i];
        if (account == null || powerLimitKw == 0) {
            return powerLimitKw;
        }
        if (!account.allowsDischarge(day)) {
            return 0;
        }
        double measurePerKwh = account.budget().measure(perKwh[i]);
        if (measurePerKwh <= 0) {
            return powerLimitKw;
        }
        double batteryKwhLeft = account.remaining(day) / measurePerKwh;
        return Math.min(powerLimitKw, batteryKwhLeft * efficiency / stepHours);
    }

    /** Charges {@code batteryKwh} taken out of slot {@code i}'s battery on {@code day} to its account. */
    void spend(int i, LocalDate day, double batteryKwh) {
        if (accounts[i] != null && batteryKwh > 0) {
            DegradationImpact one = perKwh[i];
            accounts[i] = accounts[i].afterSpending(day, new DegradationImpact(one.capacityLoss() * batteryKwh,
                    one.cost() * batteryKwh, one.extraCycles() * batteryKwh));
        }
    }
}
