package org.gridfleet.degradation.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.gridfleet.degradation.DegradationImpact;
import org.junit.jupiter.api.Test;

class BudgetAccountTest {
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

    @Test
    void allowsDischargeShouldRefuseEverythingWhenYearlyCostBudgetIsExhausted() {
        // GIVEN a 50/year budget fully spent
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.YearlyCost(50.0), MAR_1)
                .afterSpending(MAR_1, new DegradationImpact(1e-4, 50.0, 2.0));

        // WHEN / THEN even a free proposal is refused
        assertThat(account.remaining(MAR_1)).isZero();
        assertThat(account.allowsDischarge(MAR_1)).isFalse();
        assertThat(account.allowsDischarge(MAR_1, DegradationImpact.NONE)).isFalse();
        assertThat(account.allowsDischarge(MAR_1.plusMonths(6), new DegradationImpact(0, 0.01, 0))).isFalse();
    }

    @Test
    void allowsDischargeShouldRefuseWhenProposalExceedsWhatRemains() {
        // GIVEN 30 of 50 spent
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.YearlyCost(50.0), MAR_1)
                .afterSpending(MAR_1, new DegradationImpact(0, 30.0, 0));

        // WHEN / THEN
        assertThat(account.remaining(MAR_1)).isCloseTo(20.0, within(1e-12));
        assertThat(account.allowsDischarge(MAR_1, new DegradationImpact(0, 20.0, 0))).isTrue();
        assertThat(account.allowsDischarge(MAR_1, new DegradationImpact(0, 20.5, 0))).isFalse();
    }

    @Test
    void remainingShouldResetWhenANewYearStarts() {
        // GIVEN an exhausted capacity budget of 1 % per year
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.YearlyCapacity(0.01), MAR_1)
                .afterSpending(MAR_1, new DegradationImpact(0.012, 5.0, 3.0));

        // WHEN
        LocalDate nextYear = LocalDate.of(2027, 1, 1);

        // THEN
        assertThat(account.allowsDischarge(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(account.remaining(nextYear)).isEqualTo(0.01);
        assertThat(account.afterSpending(nextYear, new DegradationImpact(0.004, 1.0, 1.0)))
                .isEqualTo(new BudgetAccount(account.budget(), nextYear, 0.004));
    }

    @Test
    void dailyExtraCyclesShouldCapEachDaySeparately() {
        // GIVEN a cap of 0.5 extra cycles per day, 0.5 used today
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.DailyExtraCycles(0.5), MAR_1)
                .afterSpending(MAR_1, new DegradationImpact(1e-5, 0.3, 0.5));

        // WHEN / THEN
        assertThat(account.allowsDischarge(MAR_1)).isFalse();
        assertThat(account.allowsDischarge(MAR_1.plusDays(1), new DegradationImpact(1e-5, 0.3, 0.5))).isTrue();
    }

    @Test
    void afterSpendingShouldNotRefundWhenImpactIsNegative() {
        // GIVEN
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.YearlyCost(50.0), MAR_1)
                .afterSpending(MAR_1, new DegradationImpact(0, 10.0, 0));

        // WHEN
        BudgetAccount after = account.afterSpending(MAR_1, new DegradationImpact(-1e-4, -8.0, 0));

        // THEN
        assertThat(after.spent()).isEqualTo(10.0);
    }

    @Test
    void afterSpendingShouldRejectADayBeforeThePeriod() {
        // GIVEN
        BudgetAccount account = BudgetAccount.open(new DegradationBudget.DailyExtraCycles(1.0), MAR_1);

        // WHEN / THEN
        assertThatThrownBy(() -> account.afterSpending(MAR_1.minusDays(1), DegradationImpact.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("day 2026-02-28 precedes the account's period starting 2026-03-01");
    }

    @Test
    void budgetShouldRejectNegativeLimitWhenNamingIt() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> new DegradationBudget.YearlyCost(-1.0))
                .hasMessage("currencyPerYear must be >= 0, but was -1.0");
    }
}
