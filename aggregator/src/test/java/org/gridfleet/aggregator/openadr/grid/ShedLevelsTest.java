package org.gridfleet.aggregator.openadr.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShedLevelsTest {

    @Test
    void constructorShouldRejectLevelsWhenTheyDecreaseOrLeaveZeroToOne() {
        assertThatThrownBy(() -> new ShedLevels(List.of(0.0, 0.5, 0.4, 1.0))).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new ShedLevels(List.of(0.0, 0.5, 0.9, 1.2))).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new ShedLevels(List.of(0.0, 1.0))).hasMessageContaining("4 entries");
    }

    @Test
    void shedFractionShouldReturnConfiguredShareWhenLevelIsValid() {
        assertThat(ShedLevels.ofDefaults().shedFraction(3)).isEqualTo(1.0);
        assertThat(new ShedLevels(List.of(0.0, 0.1, 0.2, 0.3)).shedFraction(1)).isEqualTo(0.1);
    }
}
