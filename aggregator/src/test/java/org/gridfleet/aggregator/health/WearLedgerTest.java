package org.gridfleet.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gridfleet.degradation.DegradationImpact;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;
import org.junit.jupiter.api.Test;

class WearLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 31);

    @Test
    void accountShouldChargeEachBudgetKindInItsOwnUnitWhenWearIsSpent() {
        // GIVEN
        WearLedger ledger = WearLedger.empty(DAY).after(DAY, new DegradationImpact(0.001, 2.5, 0.3))
                .after(DAY, new DegradationImpact(0.002, 1.5, 0.2));
        // WHEN
        BudgetAccount cost = ledger.account(new DegradationBudget.YearlyCost(10), DAY);
        BudgetAccount capacity = ledger.account(new DegradationBudget.YearlyCapacity(0.01), DAY);
        BudgetAccount cycles = ledger.account(new DegradationBudget.DailyExtraCycles(0.4), DAY);
        // THEN
        assertThat(cost.spent()).isEqualTo(4.0);
        assertThat(capacity.spent()).isEqualTo(0.003);
        assertThat(cycles.spent()).isEqualTo(0.5);
        assertThat(cycles.allowsDischarge(DAY)).isFalse();
    }

    @Test
    void afterShouldStartFreshSumsWhenANewDayOrYearBegins() {
        // GIVEN
        WearLedger ledger = WearLedger.empty(DAY).after(DAY, new DegradationImpact(0.001, 2.5, 0.3));
        // WHEN
        WearLedger next = ledger.after(DAY.plusDays(1), new DegradationImpact(0.0005, 1.0, 0.1));
        // THEN
        assertThat(next.yearStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(next.costYear()).isEqualTo(1.0);
        assertThat(next.cyclesDay()).isEqualTo(0.1);
        assertThat(ledger.account(new DegradationBudget.DailyExtraCycles(1), DAY.plusDays(1)).spent()).isZero();
    }

    @Test
    void afterShouldEarnNothingBackWhenWearIsNegative() {
        // WHEN
        WearLedger ledger = WearLedger.empty(DAY).after(DAY, new DegradationImpact(-0.001, -2.0, -0.1));
        // THEN
        assertThat(ledger.costYear()).isZero();
        assertThat(ledger.capacityYear()).isZero();
        assertThat(ledger.cyclesDay()).isZero();
    }

    @Test
    void constructorShouldRejectNegativeSpentWhenRestored() {
        assertThatThrownBy(() -> new WearLedger(LocalDate.of(2026, 1, 1), -1, 0, DAY, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costYear");
    }
}
