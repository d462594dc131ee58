package org.gridfleet.v2g.ocpp;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;

/**
 * Reassembles one connection's OCPP-J text messages from WebSocket frames and refuses, before the
 * message reaches any handler, a message larger than the byte limit (close 1009, RFC 6455 §7.4.1) or
 * a binary one (close 1003). After a refusal every further frame is dropped: the socket is closing.
 * A single unfragmented frame, the usual case, is handed on without copying.
 */
final class TextMessageAssembler {
  static final short UNSUPPORTED_DATA = 1003;
  static final short PROTOCOL_ERROR = 1002;
  static final short MESSAGE_TOO_BIG = 1009;

  /** Where complete messages and refusals go. */
  interface Sink {
    void message(String text);

    void refuse(short closeCode, String reason);
  }

  private final int maxBytes;
  private final Sink sink;
  private Buffer fragments;
  private boolean refused;

  TextMessageAssembler(int maxBytes, Sink sink) {
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  void onFrame(WebSocketFrame frame) {
    if (refused || frame.isPing() || frame.isClose() || frame.type() == WebSocketFrameType.PONG) {
      return;
    }
    if (frame.isBinary()) {
      refuse(UNSUPPORTED_DATA, "OCPP-J uses text frames");
      return;
    }
    Buffer data = frame.binaryData();
    int size = (fragments == null ? 0 : fragments.length()) + data.length();
    if (size > maxBytes) {
      refuse(MESSAGE_TOO_BIG, "message exceeds " + maxBytes + " bytes");
      return;
    }
    if (frame.isText()) {
      if (frame.isFinal()) {
        sink.message(frame.textData());
      } else {
        fragments = Buffer.buffer(Math.min(maxBytes, 2 * size)).appendBuffer(data);
      }
      return;
    }
    if (fragments == null) {
      refuse(PROTOCOL_ERROR, "continuation frame without a started message");
      return;
    }
    fragments.appendBuffer(data);
    if (frame.isFinal()) {
      String text = fragments.toString(StandardCharsets.UTF_8);
      fragments = null;
      sink.message(text);
    }
  }

  private void refuse(short code, String reason) {
    refused = true;
    fragments = null;
    sink.refuse(code, reason);
  }
}
