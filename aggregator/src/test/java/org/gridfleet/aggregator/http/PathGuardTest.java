package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/fleets", "/api/v1/sites/5b0c/chargers/CP-1.a:b_c", "/health", "/",
            "/api/v1/sites/s/chargers/a%2Fb", "/x/%C3%BC", "/x/..a", "/x/a+b"})
    void problemShouldBeNullWhenPathIsOrdinary(String path) {
        assertThat(PathGuard.problem(path)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/sites/s/chargers/..|'.' or '..'",
            "/api/v1/sites/s/chargers/%2e%2E|'.' or '..'",
            "/api/v1/./fleets|'.' or '..'",
            "/api/v1/fleets/%|broken percent-escape",
            "/api/v1/fleets/%zz|broken percent-escape",
            "/api/v1/fleets/%C3%28|not UTF-8",
            "/api/v1/fleets/a%00|NUL",
    })
    void problemShouldExplainWhenPathIsHostile(String path, String why) {
        assertThat(PathGuard.problem(path)).contains(why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=%|limit",
            "offset=%zz&limit=1|offset",
            "format=%ff|format",
            "a=1&limit=%00|limit",
            "%=1|query",
    })
    void refusalShouldNameTheParameterWhenQueryValueIsHostile(String query, String field) {
        assertThat(PathGuard.refusal("/api/v1/fleets", query).field()).contains(field);
    }

    @Test
    void refusalShouldBeNullWhenQueryIsOrdinary() {
        assertThat(PathGuard.refusal("/api/v1/fleets", "limit=5&offset=10&name=a%20b")).isNull();
        assertThat(PathGuard.refusal("/api/v1/fleets", null)).isNull();
    }
}
