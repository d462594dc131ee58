package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OcppSchemasTest {
  private final OcppSchemas schemas = new OcppSchemas();

  @Test
  void knowsShouldAnswerPerVersionWhenTheActionExistsInOnlySomeVersions() {
    assertThat(schemas.knows(OcppVersion.V2_1, "UpdateDynamicSchedule")).isTrue();
    assertThat(schemas.knows(OcppVersion.V2_0_1, "UpdateDynamicSchedule")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "StartTransaction")).isTrue();
    assertThat(schemas.knows(OcppVersion.V2_1, "StartTransaction")).isFalse();
  }

  @Test
  void knowsShouldRefuseWhenTheActionNameIsAResourcePath() {
    // "ocpp/2.1/../1.6/Heartbeat" + "Request.json" would otherwise be looked up on the classpath
    assertThat(schemas.knows(OcppVersion.V2_1, "../1.6/Heartbeat")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "Heartbeat.json#")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "")).isFalse();
  }

  @Test
  void schemasShouldStillValidateKnownActionsWhenAChargerHasSentThousandsOfMadeUpNames() {
    // GIVEN more made-up names than the cache remembers
    for (int i = 0; i < 3 * OcppSchemas.MAX_CACHED_ACTIONS; i++) {
      assertThat(schemas.knows(OcppVersion.V2_1, "MadeUp" + i)).isFalse();
    }
    // WHEN a known action comes in for the first time THEN it is still found and checked
    assertThat(schemas.violation(OcppVersion.V2_1, "Heartbeat", true, new JsonObject())).isNull();
    assertThat(schemas.violation(OcppVersion.V2_1, "Heartbeat", true, new JsonObject().put("x", 1)))
        .startsWith("PropertyConstraintViolation");
  }
}
