package org.gridfleet.aggregator.openadr.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VenClientConfigTest {

    @Test
    void ofShouldApplyDefaultsWhenOnlyIdentityIsGiven() {
        // WHEN
        VenClientConfig config = VenClientConfig.of("https://vtn.example/openadr3/3.0.1", "id", "secret", "gridfleet",
                List.of("s1"));
        // THEN
        assertThat(config.pollInterval()).isEqualTo(VenClientConfig.DEFAULT_POLL_INTERVAL);
        assertThat(config.retryMaxAttempts()).isEqualTo(VenClientConfig.DEFAULT_RETRY_MAX_ATTEMPTS);
    }

    @Test
    void constructorShouldNameTheBadValueWhenUrlOrRetryIsImpossible() {
        assertThatThrownBy(() -> VenClientConfig.of("vtn.example", "id", "s", "g", List.of()))
                .hasMessageContaining("vtnBaseUrl").hasMessageContaining("vtn.example");
        assertThatThrownBy(() -> VenClientConfig.of("https://v", "id", "s", "g", List.of()).withRetry(0, Duration.ofSeconds(1)))
                .hasMessageContaining("retryMaxAttempts must be >= 1, but was 0");
        assertThatThrownBy(() -> VenClientConfig.of("https://v", "id", "s", "g", List.of()).withRetry(2, Duration.ZERO))
                .hasMessageContaining("durations must be > 0");
    }
}
