package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMessageAssemblerTest {
  private final List<String> messages = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();
  private final TextMessageAssembler assembler = new TextMessageAssembler(10, new TextMessageAssembler.Sink() {
    @Override
    public void message(String text) {
      messages.add(text);
    }

    @Override
    public void refuse(short closeCode, String reason) {
      refusals.add(closeCode + " " + reason);
    }
  });

  @Test
  void assemblerShouldJoinFragmentsWhenTheyFitTheLimit() {
    // GIVEN WHEN a 10-byte message in two fragments, then a one-frame message
    assembler.onFrame(WebSocketFrame.textFrame("[2,\"a", false));
    assembler.onFrame(WebSocketFrame.continuationFrame(Buffer.buffer("\",{}]"), true));
    assembler.onFrame(WebSocketFrame.textFrame("[3]", true));
    // THEN both arrive whole and nothing is refused
    assertThat(messages).containsExactly("[2,\"a\",{}]", "[3]");
    assertThat(refusals).isEmpty();
  }

  @Test
  void assemblerShouldRefuseWith1009AndDropLaterFramesWhenTheMessageExceedsTheLimitByOneByte() {
    // GIVEN WHEN an 11-byte message, then a small valid one on the closing socket
    assembler.onFrame(WebSocketFrame.textFrame("[2,\"ab", false));
    assembler.onFrame(WebSocketFrame.continuationFrame(Buffer.buffer("\",{}]"), true));
    assembler.onFrame(WebSocketFrame.textFrame("[3]", true));
    // THEN one 1009 refusal and no message at all
    assertThat(refusals).containsExactly("1009 message exceeds 10 bytes");
    assertThat(messages).isEmpty();
  }

  @Test
  void assemblerShouldRefuseWith1003WhenAFrameIsBinary() {
    assembler.onFrame(WebSocketFrame.binaryFrame(Buffer.buffer("[3]"), true));
    assertThat(refusals).containsExactly("1003 OCPP-J uses text frames");
    assertThat(messages).isEmpty();
  }

  @Test
  void assemblerShouldRefuseWith1002WhenAContinuationArrivesWithoutAStart() {
    assembler.onFrame(WebSocketFrame.continuationFrame(Buffer.buffer("[3]"), true));
    assertThat(refusals).containsExactly("1002 continuation frame without a started message");
  }

  @Test
  void configShouldRejectAMessageLimitBelowOneKibibyte() {
    assertThatThrownBy(() -> OcppServerConfig.defaults("127.0.0.1", 0).withMaxMessageBytes(1023))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageBytes");
  }
}
