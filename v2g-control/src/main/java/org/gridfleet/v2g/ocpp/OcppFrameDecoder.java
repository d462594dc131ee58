package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Parses a WebSocket text message into an {@link OcppFrame}; anything malformed becomes an
 * {@link OcppException} carrying the CALLERROR code and the message id (or "-1" when unreadable, as
 * OCPP-J 2.x asks).
 */
final class OcppFrameDecoder {

  /** Message id used in a CALLERROR when the received one cannot be read. */
  static final String UNKNOWN_MESSAGE_ID = "-1";

  private OcppFrameDecoder() {}

  /** Error raised while decoding, with the message id to answer to. */
  static final class FrameException extends RuntimeException {
    final String messageId;
    final OcppErrorCode code;
    /** Whether an answer is allowed: never answer a CALLRESULT/CALLERROR/SEND with an error. */
    final boolean answerable;

    FrameException(String messageId, OcppErrorCode code, String description, boolean answerable) {
      super(description, null, false, false);
      this.messageId = messageId;
      this.code = code;
      this.answerable = answerable;
    }
  }

  static OcppFrame decode(String text, OcppVersion version) {
    JsonArray array;
    try {
      array = new JsonArray(text);
    } catch (DecodeException | ClassCastException e) {
      throw new FrameException(UNKNOWN_MESSAGE_ID, OcppErrorCode.FormatViolation,
          "frame is not a JSON array", true);
    }
    if (array.size() < 3) {
      throw new FrameException(idOrUnknown(array), OcppErrorCode.FormatViolation,
          "frame has " + array.size() + " elements, at least 3 expected", true);
    }
    Object typeValue = array.getValue(0);
    if (!(typeValue instanceof Integer type)) {
      throw new FrameException(idOrUnknown(array), OcppErrorCode.FormatViolation,
          "messageTypeId must be an integer", true);
    }
    String id = messageId(array);
    return switch (type) {
      case OcppFrame.CALL -> new OcppFrame.Call(id, action(array, id), payload(array, 3, 4, id, true));
      case OcppFrame.CALLRESULT -> new OcppFrame.CallResult(id, payload(array, 2, 3, id, false));
      case OcppFrame.CALLERROR -> callError(array, id, false);
      case OcppFrame.CALLRESULTERROR -> {
        requireV21(version, type, id);
        yield callError(array, id, true);
      }
      case OcppFrame.SEND -> {
        requireV21(version, type, id);
        yield new OcppFrame.Send(id, action(array, id), payload(array, 3, 4, id, false));
      }
      default -> throw new FrameException(id, OcppErrorCode.MessageTypeNotSupported,
          "messageTypeId " + type + " is not supported", true);
    };
  }

  private static void requireV21(OcppVersion version, int type, String id) {
    if (!version.hasSendAndCallResultError()) {
      throw new FrameException(id, OcppErrorCode.MessageTypeNotSupported,
          "messageTypeId " + type + " does not exist in " + version.subprotocol(), true);
    }
  }

  private static String idOrUnknown(JsonArray array) {
    return array.size() > 1 && array.getValue(1) instanceof String s
        && !s.isEmpty() && s.length() <= OcppFrame.MAX_MESSAGE_ID_LENGTH ? s : UNKNOWN_MESSAGE_ID;
  }

  private static String messageId(JsonArray array) {
    if (!(array.getValue(1) instanceof String id)) {
      throw new FrameException(UNKNOWN_MESSAGE_ID, OcppErrorCode.FormatViolation,
          "messageId must be a string", true);
    }
    if (id.isEmpty() || id.length() > OcppFrame.MAX_MESSAGE_ID_LENGTH) {
      throw new FrameException(UNKNOWN_MESSAGE_ID, OcppErrorCode.FormatViolation,
          "messageId must be 1..36 characters", true);
    }
    return id;
  }

  private static String action(JsonArray array, String id) {
    if (!(array.getValue(2) instanceof String action) || action.isEmpty()) {
      throw new FrameException(id, OcppErrorCode.FormatViolation, "action must be a string", true);
    }
    return action;
  }

  private static JsonObject payload(
      JsonArray array, int index, int size, String id, boolean answerable) {
    if (array.size() != size) {
      throw new FrameException(id, OcppErrorCode.FormatViolation,
          "frame has " + array.size() + " elements, " + size + " expected", answerable);
    }
    if (!(array.getValue(index) instanceof JsonObject payload)) {
      throw new FrameException(id, OcppErrorCode.FormatViolation,
          "payload must be a JSON object", answerable);
    }
    return payload;
  }

  private static OcppFrame.CallError callError(JsonArray array, String id, boolean aboutResponse) {
    if (array.size() != 5 || !(array.getValue(2) instanceof String code)) {
      throw new FrameException(id, OcppErrorCode.FormatViolation,
          "CALLERROR must be [4, id, code, description, details]", false);
    }
    String description = array.getValue(3) instanceof String d ? d : "";
    return new OcppFrame.CallError(id, OcppErrorCode.parse(code), description, aboutResponse);
  }
}
