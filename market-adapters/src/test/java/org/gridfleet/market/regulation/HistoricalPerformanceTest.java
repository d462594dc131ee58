package org.gridfleet.market.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling 100-hour score, the 0.40 disqualification and the three-test qualification. */
class HistoricalPerformanceTest {

    private final HistoricalPerformance history = new HistoricalPerformance(ScoringConfig.ofDefaults());

    @Test
    void historicalScoreShouldForgetOldestHourWhenMoreThanHundredAreRecorded() {
        // GIVEN 100 hours at 0.3 then 100 hours at 0.9
        for (int i = 0; i < 100; i++) {
            history.record(0.3);
        }
        assertThat(history.historicalScore()).isCloseTo(0.3, within(1e-9));
        assertThat(history.qualified()).isFalse();
        for (int i = 0; i < 100; i++) {
            history.record(0.9);
        }
        // THEN only the last 100 count
        assertThat(history.historicalScore()).isCloseTo(0.9, within(1e-9));
        assertThat(history.qualified()).isTrue();
    }

    @Test
    void passesQualificationShouldNeedThreeConsecutivePassesWhenTested() {
        assertThat(history.passesQualification(List.of(0.8, 0.9))).isFalse();
        assertThat(history.passesQualification(List.of(0.8, 0.74, 0.9, 0.8))).isFalse();
        assertThat(history.passesQualification(List.of(0.5, 0.75, 0.9, 0.8))).isTrue();
    }
}
