package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OcppActionsTest {

  @ParameterizedTest
  @EnumSource(OcppVersion.class)
  void inboundShouldListOneActionPerRequestSchemaWhenReadFromTheClasspath(OcppVersion version) throws IOException {
    // GIVEN the official schema files the build copies onto the classpath
    Path dir = Path.of("../reference/ocpp", version.label());
    long requestFiles;
    try (Stream<Path> files = Files.list(dir)) {
      requestFiles = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(version.requestSuffix()) && !n.endsWith("Response.json")).count();
    }
    // WHEN
    List<String> actions = OcppActions.inbound(version);
    // THEN one action per request schema, each one the validator knows, sorted and without file suffixes
    OcppSchemas schemas = new OcppSchemas();
    assertThat(actions).hasSize((int) requestFiles).isSorted().doesNotHaveDuplicates();
    assertThat(actions).allSatisfy(a -> assertThat(schemas.knows(version, a)).as(a).isTrue());
    assertThat(actions).noneMatch(a -> a.endsWith(".json") || a.endsWith("Request"));
  }

  @ParameterizedTest
  @EnumSource(OcppVersion.class)
  void outboundShouldNameOnlyActionsOfTheVersionWhenListed(OcppVersion version) {
    assertThat(OcppActions.inbound(version)).containsAll(OcppActions.outbound(version));
  }

  @Test
  void inboundShouldDifferPerVersionWhenAnActionExistsOnlyInSome() {
    assertThat(OcppActions.inbound(OcppVersion.V1_6)).contains("StartTransaction", "MeterValues")
        .doesNotContain("TransactionEvent");
    assertThat(OcppActions.inbound(OcppVersion.V2_0_1)).contains("TransactionEvent")
        .doesNotContain("UpdateDynamicSchedule");
    assertThat(OcppActions.inbound(OcppVersion.V2_1)).contains("UpdateDynamicSchedule", "NotifyEVChargingNeeds");
  }
}
