package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One decoded OCPP-J message (RPC frame). */
sealed interface OcppFrame {

  /** Message id, at most 36 characters. */
  String messageId();

  /** [2, id, action, payload] */
  record Call(String messageId, String action, JsonObject payload) implements OcppFrame {}

  /** [3, id, payload] */
  record CallResult(String messageId, JsonObject payload) implements OcppFrame {}

  /** [4, id, code, description, details] and 2.1's [5, ...] CALLRESULTERROR (about a response). */
  record CallError(String messageId, OcppErrorCode code, String description, boolean aboutResponse)
      implements OcppFrame {}

  /** 2.1 [6, id, action, payload]: unconfirmed, never answered. */
  record Send(String messageId, String action, JsonObject payload) implements OcppFrame {}

  int CALL = 2;
  int CALLRESULT = 3;
  int CALLERROR = 4;
  int CALLRESULTERROR = 5;
  int SEND = 6;
  int MAX_MESSAGE_ID_LENGTH = 36;

  /** Encodes a CALL around an already encoded payload object, as the payload's validation saw it. */
  static String call(String messageId, String action, String payloadText) {
    return "[" + CALL + "," + jsonString(messageId) + "," + jsonString(action) + "," + payloadText + "]";
  }

  /** A JSON string; ids and action names are letters and digits, written as they are without the encoder. */
  private static String jsonString(String text) {
    return OcppSchemas.lettersAndDigits(text) ? "\"" + text + "\"" : Json.encode(text);
  }

  /** Encodes a CALLRESULT. */
  static String callResult(String messageId, String payloadText) {
    return "[" + CALLRESULT + "," + jsonString(messageId) + "," + payloadText + "]";
  }

  /** Encodes a CALLERROR (or 2.1 CALLRESULTERROR when {@code aboutResponse}). */
  static String callError(
      OcppVersion version, String messageId, OcppErrorCode code, String description, boolean aboutResponse) {
    String text = description.length() > 255 ? description.substring(0, 255) : description;
    return new JsonArray()
        .add(aboutResponse ? CALLRESULTERROR : CALLERROR)
        .add(messageId)
        .add(code.wireName(version))
        .add(text)
        .add(new JsonObject())
        .encode();
  }
}
