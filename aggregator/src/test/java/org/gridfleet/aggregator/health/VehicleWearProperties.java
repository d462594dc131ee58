package org.gridfleet.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * Over random discharge histories charged to the wear ledger: a vehicle whose budget is exhausted is never
 * allowed to discharge, and a step is never granted more than the budget left.
 */
class VehicleWearProperties {

    private static final UUID VEHICLE = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 20);

    record Discharge(int dayOffset, double batteryKwh) {
    }

    @Provide
    Arbitrary<List<Discharge>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 60))
                .as(Discharge::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<DegradationBudget> budgets() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 50).map(DegradationBudget.YearlyCost::new),
                Arbitraries.doubles().between(0, 0.02).map(DegradationBudget.YearlyCapacity::new),
                Arbitraries.doubles().between(0, 2).map(DegradationBudget.DailyExtraCycles::new));
    }

    @Property(tries = 300)
    void exhaustedBudgetShouldNeverAllowDischargeAndStepShouldNeverExceedWhatIsLeft(
            @ForAll("histories") List<Discharge> history, @ForAll("budgets") DegradationBudget budget,
            @ForAll @DoubleRange(min = 30, max = 120) double nominalKwh,
            @ForAll @DoubleRange(min = 0.5, max = 22) double powerLimitKw,
            @ForAll @IntRange(min = 1, max = 60) int stepMinutes) {
        // GIVEN
        WearPricing pricing = new WearPricing();
        double price = pricing.pricePerKwh(BatteryHealth.fresh(new BatteryPack(Chemistry.LFP_250AH, nominalKwh)));
        WearLedger ledger = WearLedger.empty(FIRST);
        LocalDate day = FIRST;
        VehicleWear wear = new VehicleWear();
        double stepHours = stepMinutes / 60.0;
        for (Discharge d : history) {
            day = day.plusDays(d.dayOffset());
            ledger = ledger.after(day, pricing.wear(price, nominalKwh, d.batteryKwh()));
            // WHEN
            BudgetAccount account = ledger.account(budget, day);
            wear.replace(Map.of(VEHICLE, pricing.entry(price, nominalKwh, Optional.of(account))));
            double grantedKw = wear.maxDischargeKw(VEHICLE, powerLimitKw, day, stepHours, 0.95);
            // THEN
            double left = account.remaining(day);
            if (!account.allowsDischarge(day)) {
                assertThat(wear.mayDischarge(VEHICLE, day)).isFalse();
                assertThat(grantedKw).isZero();
            }
            assertThat(wear.mayDischarge(VEHICLE, day)).isEqualTo(left > 0);
            double grantedBatteryKwh = grantedKw * stepHours / 0.95;
            assertThat(budget.measure(pricing.wear(price, nominalKwh, grantedBatteryKwh)))
                    .isLessThanOrEqualTo(left * (1 + 1e-9) + 1e-12);
            assertThat(grantedKw).isBetween(0.0, powerLimitKw);
        }
    }
}
