package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ProvenShapes#value} reads every plain JSON value as Vert.x's decoder does: same class, same value. */
class ProvenShapesValueProperties {

  @Property(tries = 3000)
  void aNumberShouldReadAsTheDecoderReadsItWhateverItsForm(@ForAll("jsonNumbers") String number) {
    // GIVEN a JSON number inside a payload text
    String text = "{\"limit\":" + number + "}";
    // WHEN its token is read directly
    Object direct = ProvenShapes.value(text, 9, 9 + number.length());
    // THEN it equals what the decoder makes of it, class included (Integer, Long, BigInteger or Double)
    Object decoded = Json.decodeValue(number);
    assertThat(direct).isEqualTo(decoded);
    assertThat(direct.getClass()).isEqualTo(decoded.getClass());
  }

  @Property(tries = 2000)
  void numbersAsVertxEncodesThemShouldReadBackUnchanged(@ForAll double d, @ForAll long l, @ForAll int i) {
    for (Object n : new Object[] {Double.isFinite(d) ? d : 0.0, l, i}) {
      String number = Json.encode(n);
      assertThat(ProvenShapes.value(number, 0, number.length())).isEqualTo(Json.decodeValue(number));
    }
  }

  @Property(tries = 200)
  void stringsAndBooleansShouldReadAsTheDecoderReadsThem(@ForAll boolean b) {
    String text = "[" + b + ",\"Charging\"]";
    int end = 1 + Boolean.toString(b).length();
    assertThat(ProvenShapes.value(text, 1, end)).isEqualTo(b);
    assertThat(ProvenShapes.value(text, end + 1, text.length() - 1)).isEqualTo("Charging");
  }

  /** Every form of RFC 8259's number grammar: sign, 1 to 25 integer digits, fraction, exponent. */
  @Provide
  Arbitrary<String> jsonNumbers() {
    Arbitrary<String> sign = Arbitraries.of("", "-");
    Arbitrary<String> integer = Arbitraries.oneOf(Arbitraries.just("0"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25).filter(s -> s.charAt(0) != '0'));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "." + s));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3)).as((e, s, d) -> e + s + d));
    return Combinators.combine(sign, integer, fraction, exponent).as((s, i, f, e) -> s + i + f + e);
  }
}
