package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Rfc3339} is a fast "yes" in front of the schema's date-time format: it must never accept a text the
 * validator (and java.time) refuse, must read the same instant, and must accept the common form itself.
 */
class Rfc3339Properties {
  private static final Validator DATE_TIME = Validator.create(
      JsonSchema.of(new JsonObject().put("type", "string").put("format", "date-time")),
      new JsonSchemaOptions().setDraft(Draft.DRAFT7).setBaseUri("urn:test").setOutputFormat(OutputFormat.Flag));

  @Property(tries = 5000)
  void whatItReadsTheValidatorAcceptsAsTheSameInstant(@ForAll("nearlyDateTimes") String text) {
    Instant read = Rfc3339.parse(text);
    if (read != null) {
      assertThat(DATE_TIME.validate(text).getValid()).as(text).isTrue();
      assertThat(OffsetDateTime.parse(text).toInstant()).as(text).isEqualTo(read);
      assertThat(Instant.parse(text)).as(text).isEqualTo(read);
    }
  }

  @Property(tries = 2000)
  void theCommonFormIsReadDirectly(@ForAll("commonForm") String text) {
    assertThat(Rfc3339.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @Example
  void otherFormsAreLeftToTheValidator() {
    for (String text : new String[] {"2026-11-29t12:00:00Z", "2026-11-29T12:00:00z", "2026-11-29T12:00:00",
        "2026-11-29 12:00:00Z", "2026-11-29T12:00Z", "2026-12-31T23:59:60Z", "2026-11-29T12:00:00.Z",
        "2026-11-29T12:00:00.1234567890Z", "2026-11-29T12:00:00+0100", "2026-11-29T12:00:00+18:01",
        "2026-02-29T12:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-29T24:00:00Z",
        "+2026-11-29T12:00:00Z", "2026-11-29T12:00:00Z "}) {
      assertThat(Rfc3339.parse(text)).as(text).isNull();
    }
    assertThat(Rfc3339.parse("2024-02-29T23:59:59.999999999-18:00"))
        .isEqualTo(Instant.parse("2024-03-01T17:59:59.999999999Z"));
  }

  /** Texts in the common form, with random fields, fractions and offsets. */
  @Provide
  Arbitrary<String> commonForm() {
    Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999),
            Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
        .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
        .as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
    Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.just("Z"),
        Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 17),
            Arbitraries.integers().between(0, 59)).as((s, h, m) -> String.format("%s%02d:%02d", s, h, m)));
    return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
  }

  /** The common form and texts with fields just out of range, then up to three characters replaced, cut or added. */
  @Provide
  Arbitrary<String> nearlyDateTimes() {
    Arbitrary<String> wide = Combinators.combine(Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 24),
            Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 99),
            Arbitraries.of("Z", "+19:00", "-18:00", "+18:00", "-18:30", "+05:60", "+05:30", ""))
        .as((mo, d, h, mi, s, y, o) -> String.format("20%02d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, s, o));
    Arbitrary<String> base = Arbitraries.oneOf(commonForm(), wide);
    return Combinators.combine(base, Arbitraries.integers().between(0, 3).list().ofSize(3),
            Arbitraries.integers().between(0, 40).list().ofSize(3),
            Arbitraries.of('0', '1', '2', '3', '9', '-', ':', '.', 'T', 't', 'Z', 'z', ' ', '+').list().ofSize(3))
        .as((text, edits, positions, chars) -> {
          StringBuilder b = new StringBuilder(text);
          for (int e = 0; e < 3; e++) {
            int at = Math.min(positions.get(e), b.length() - 1);
            switch (edits.get(e)) {
              case 1 -> b.setCharAt(at, chars.get(e));
              case 2 -> b.deleteCharAt(at);
              case 3 -> b.insert(at, chars.get(e));
              default -> { } // this edit leaves the text as it is
            }
          }
          return b.toString();
        });
  }
}
