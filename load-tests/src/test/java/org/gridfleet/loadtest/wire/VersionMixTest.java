package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VersionMixTest {

  @Test
  void versionOfShouldGiveTheExactMixInEveryBlockWhenWeightsSumToTheBlockSize() {
    // GIVEN
    VersionMix mix = VersionMix.parse("ocpp2.1=6,ocpp2.0.1=3,ocpp1.6=1");

    // WHEN the chargers 10..19 take their versions
    Map<Subprotocol, Long> counts = IntStream.range(10, 20).mapToObj(mix::versionOf)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    // THEN
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(
        Map.of(Subprotocol.OCPP_2_1, 6L, Subprotocol.OCPP_2_0_1, 3L, Subprotocol.OCPP_1_6, 1L));
  }

  @Test
  void parseShouldRejectUnknownSubprotocolsAndEmptyMixes() {
    assertThatThrownBy(() -> VersionMix.parse("ocpp2.0=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VersionMix.parse("ocpp2.1=0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VersionMix.parse("ocpp2.1")).isInstanceOf(IllegalArgumentException.class);
  }
}
