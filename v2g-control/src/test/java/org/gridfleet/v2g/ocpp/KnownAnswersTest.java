package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {
  private static final String ACCEPTED = "{\"status\":\"Accepted\"}";

  private static KnownAnswers provenAccepted() {
    KnownAnswers answers = new KnownAnswers();
    answers.remember(OcppVersion.V2_1, "UpdateDynamicSchedule", "a1", "[3,\"a1\"," + ACCEPTED + "]",
        new JsonObject(ACCEPTED));
    return answers;
  }

  @Test
  void recallShouldReturnTheProvenPayloadWhenTheSameTextArrivesUnderAnotherMessageId() {
    // GIVEN an Accepted answer proven valid under message id a1
    KnownAnswers answers = provenAccepted();
    // WHEN the next charger answers its own CALL b7 with the same bytes
    JsonObject payload = answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7",
        "[3,\"b7\"," + ACCEPTED + "]");
    // THEN it is taken as is
    assertThat(payload).isEqualTo(new JsonObject().put("status", "Accepted"));
    assertThat(answers.recalled()).isEqualTo(1);
  }

  @Test
  void recallShouldReturnNullWhenThePayloadTextDiffersInAnyByte() {
    // GIVEN
    KnownAnswers answers = provenAccepted();
    // WHEN THEN another value, extra spacing, an extra field or a truncated frame must be parsed and validated
    for (String frame : new String[] {"[3,\"b7\",{\"status\":\"Rejected\"}]", "[3,\"b7\",{\"status\": \"Accepted\"}]",
        "[3,\"b7\",{\"status\":\"Accepted\",\"x\":1}]", "[3,\"b7\"," + ACCEPTED, "[3,\"b7\"," + ACCEPTED + " ]",
        "[3, \"b7\"," + ACCEPTED + "]", "[2,\"b7\"," + ACCEPTED + "]"}) {
      assertThat(answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7", frame)).as(frame).isNull();
    }
    assertThat(answers.recalled()).isZero();
  }

  @Test
  void recallShouldReturnNullWhenTheFrameCarriesAnotherMessageId() {
    // GIVEN
    KnownAnswers answers = provenAccepted();
    // WHEN THEN an answer to some other CALL is not the awaited one
    assertThat(answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7", "[3,\"b8\"," + ACCEPTED + "]"))
        .isNull();
  }

  @Test
  void recallShouldKeepVersionsAndActionsApartWhenTheSameTextArrives() {
    // GIVEN Accepted proven only for 2.1 UpdateDynamicSchedule
    KnownAnswers answers = provenAccepted();
    String frame = "[3,\"b7\"," + ACCEPTED + "]";
    // WHEN THEN another action or version has its own schema and is validated on its own
    assertThat(answers.recall(OcppVersion.V2_1, "SetChargingProfile", "b7", frame)).isNull();
    assertThat(answers.recall(OcppVersion.V2_0_1, "UpdateDynamicSchedule", "b7", frame)).isNull();
  }

  @Test
  void rememberShouldIgnoreAFrameWhoseMessageIdIsNotPlainLettersAndDigits() {
    // GIVEN a proven frame whose id needs escaping or holds a quote
    KnownAnswers answers = new KnownAnswers();
    answers.remember(OcppVersion.V2_1, "UpdateDynamicSchedule", "a\"1", "[3,\"a\\\"1\"," + ACCEPTED + "]",
        new JsonObject(ACCEPTED));
    // WHEN the same text comes under a plain id
    JsonObject payload = answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7",
        "[3,\"b7\"," + ACCEPTED + "]");
    // THEN nothing was remembered
    assertThat(payload).isNull();
  }

  @Test
  void recallShouldHandOutACopyWhenTheCallerChangesThePayloadItGot() {
    // GIVEN a recalled payload changed by its receiver
    KnownAnswers answers = provenAccepted();
    answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7", "[3,\"b7\"," + ACCEPTED + "]")
        .put("status", "Rejected");
    // WHEN the next one is recalled
    JsonObject next = answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b8", "[3,\"b8\"," + ACCEPTED + "]");
    // THEN it is the proven payload, untouched
    assertThat(next.getString("status")).isEqualTo("Accepted");
  }

  @Test
  void rememberShouldReplaceTheTextWhenAnotherValidAnswerIsProven() {
    // GIVEN Accepted proven, then Rejected
    KnownAnswers answers = provenAccepted();
    answers.remember(OcppVersion.V2_1, "UpdateDynamicSchedule", "a2", "[3,\"a2\",{\"status\":\"Rejected\"}]",
        new JsonObject().put("status", "Rejected"));
    // WHEN THEN only the last proven text is recalled
    assertThat(answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b7", "[3,\"b7\",{\"status\":\"Rejected\"}]"))
        .isEqualTo(new JsonObject().put("status", "Rejected"));
    assertThat(answers.recall(OcppVersion.V2_1, "UpdateDynamicSchedule", "b8", "[3,\"b8\"," + ACCEPTED + "]"))
        .isNull();
  }
}
