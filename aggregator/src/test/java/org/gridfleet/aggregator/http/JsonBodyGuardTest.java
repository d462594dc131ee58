package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyGuardTest {

    /** The problem names {@code field} (or, for nesting, the path down to where the limit was crossed). */
    private static void assertRejected(byte[] body, String field, String detailPart) {
        assertThatThrownBy(() -> JsonBodyGuard.check(body))
                .isInstanceOfSatisfying(GridfleetException.class, e -> {
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith(field));
                    assertThat(e.getMessage()).contains(detailPart);
                });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checkShouldAcceptWhenBodyIsOrdinaryJson() {
        assertThatCode(() -> JsonBodyGuard.check(utf8("{\"name\":\"vans \\ud83d\\ude90\",\"a\":[1,2.5e3,{\"b\":null}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void checkShouldNameTheNestingFieldWhenBodyIsTooDeep() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertRejected(utf8("{\"plan\":[{\"x\":" + deep + "}]}"), "plan[0].x" + "[0]".repeat(29), "nests deeper than 32");
    }

    @Test
    void checkShouldAcceptWhenNestingIsExactlyAtTheLimit() {
        String deep = "[".repeat(JsonBodyGuard.MAX_DEPTH - 1) + "]".repeat(JsonBodyGuard.MAX_DEPTH - 1);
        assertThatCode(() -> JsonBodyGuard.check(utf8("{\"a\":" + deep + "}"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\\u0000b\"}|name|NUL",
            "{\"v\":{\"mode\":\"\\ud800\"}}|v.mode|lone UTF-16 surrogate",
            "{\"ids\":[\"ok\",\"\\udc00x\"]}|ids[1]|lone UTF-16 surrogate",
            "{\"n\":1234567890123456789012345678901234567890123456789012345678901234567890}|n|longer than 64",
            "{\"name\":\"a\",\"name\":\"b\"}|name|Duplicate field",
            "{\"name\":\"\\x41\"}|name|not valid JSON",
            "{\"name\":\"a\"} {}|body|more than one JSON value",
            "{\"name\":'a'}|name|not valid JSON",
            "\uFEFF{}|body|byte order mark",
    })
    void checkShouldNameTheFieldWhenBodyIsHostile(String body, String field, String detail) {
        assertRejected(utf8(body), field, detail);
    }

    @Test
    void checkShouldNameTheFieldWhenStringIsNotUtf8() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertRejected(body, "n", "not valid JSON");
    }

    @Test
    void isJsonShouldMatchJsonMediaTypesOnly() {
        assertThat(JsonBodyGuard.isJson("application/json; charset=utf-8")).isTrue();
        assertThat(JsonBodyGuard.isJson("application/merge-patch+json")).isTrue();
        assertThat(JsonBodyGuard.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonBodyGuard.isJson(null)).isFalse();
    }
}
