package org.gridfleet.degradation.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gridfleet.degradation.DegradationImpact;

class BudgetProperties {

    @Property
    void allowedSpendingShouldNeverExceedTheLimitWhenEveryDischargeIsChecked(
            @ForAll @DoubleRange(min = 0.0, max = 2.0) double cyclesPerDay,
            @ForAll @Size(max = 60) List<@DoubleRange(min = -0.5, max = 1.0) Double> proposals,
            @ForAll @IntRange(min = 0, max = 3) int proposalsPerDay) {
        // GIVEN a daily cap and a stream of proposed extra cycles
        DegradationBudget budget = new DegradationBudget.DailyExtraCycles(cyclesPerDay);
        LocalDate day = LocalDate.of(2026, 1, 1);
        BudgetAccount account = BudgetAccount.open(budget, day);
        int today = 0;

        // WHEN each proposal is applied only if the account allows it
        for (double extra : proposals) {
            if (today++ >= proposalsPerDay) {
                day = day.plusDays(1);
                today = 0;
            }
            DegradationImpact impact = new DegradationImpact(0, 0, extra);
            if (account.allowsDischarge(day, impact)) {
                account = account.afterSpending(day, impact);
            }

            // THEN
            assertThat(account.spent()).isLessThanOrEqualTo(cyclesPerDay);
            assertThat(account.remaining(day)).isBetween(0.0, cyclesPerDay);
        }
    }
}
