package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OcppFrameDecoderTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json|-1|FormatViolation",
      "{\"a\":1}|-1|FormatViolation",
      "[2,\"m1\",\"Heartbeat\"]|m1|FormatViolation",
      "[2,\"m1\",\"Heartbeat\",[]]|m1|FormatViolation",
      "[\"2\",\"m1\",\"Heartbeat\",{}]|m1|FormatViolation",
      "[2,7,\"Heartbeat\",{}]|-1|FormatViolation",
      "[9,\"m1\",\"Heartbeat\",{}]|m1|MessageTypeNotSupported",
      "[6,\"m1\",\"NotifyPeriodicEventStream\",{}]|m1|MessageTypeNotSupported"})
  void decodeShouldRaiseTheOcppErrorWhenTheFrameIsMalformed(String text, String id, OcppErrorCode code) {
    // WHEN
    OcppFrameDecoder.FrameException e = catchThrowableOfType(
        () -> OcppFrameDecoder.decode(text, OcppVersion.V2_0_1), OcppFrameDecoder.FrameException.class);
    // THEN
    assertThat(e.messageId).isEqualTo(id);
    assertThat(e.code).isEqualTo(code);
  }

  @Test
  void callShouldDecodeToTheSameIdActionAndPayloadWhenTheIdNeedsEscaping() {
    // GIVEN a plain id and one with a quote and a backslash
    String payload = new io.vertx.core.json.JsonObject().put("type", "Immediate").encode();
    for (String id : new String[] {"1k9z", "a\"b\\c"}) {
      // WHEN
      String frame = OcppFrame.call(id, "Reset", payload);
      // THEN the gateway's own decoder reads back exactly what was written
      OcppFrame.Call call = (OcppFrame.Call) OcppFrameDecoder.decode(frame, OcppVersion.V2_1);
      assertThat(call.messageId()).isEqualTo(id);
      assertThat(call.action()).isEqualTo("Reset");
      assertThat(call.payload().encode()).isEqualTo(payload);
    }
    assertThat(OcppFrame.call("1k9z", "Reset", payload)).isEqualTo("[2,\"1k9z\",\"Reset\"," + payload + "]");
  }

  @Test
  void decodeShouldAcceptSendWhenTheVersionIs21() {
    // WHEN
    OcppFrame frame = OcppFrameDecoder.decode("[6,\"m1\",\"NotifyPeriodicEventStream\",{}]", OcppVersion.V2_1);
    // THEN
    assertThat(frame).isInstanceOf(OcppFrame.Send.class);
  }

  @Test
  void decodeShouldReadBothSpellingsWhenParsingCallErrors() {
    // WHEN
    OcppFrame old = OcppFrameDecoder.decode("[4,\"m1\",\"OccurenceConstraintViolation\",\"x\",{}]", OcppVersion.V1_6);
    // THEN
    assertThat(((OcppFrame.CallError) old).code()).isEqualTo(OcppErrorCode.OccurrenceConstraintViolation);
  }

  @Test
  void negotiateShouldPreferTheNewestVersionWhenTheStationOffersSeveral() {
    assertThat(OcppVersion.negotiate("ocpp1.6, ocpp2.1 ,ocpp2.0.1")).contains(OcppVersion.V2_1);
    assertThat(OcppVersion.negotiate("ocpp1.6")).contains(OcppVersion.V1_6);
    assertThat(OcppVersion.negotiate("ocpp1.5")).isEmpty();
  }
}
