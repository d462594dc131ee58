package org.gridfleet.aggregator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrafanaSqlMacrosTest {

    private static final Instant FROM = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-28T16:00:00Z");
    private final GrafanaSqlMacros macros = new GrafanaSqlMacros(FROM, TO);

    @Test
    void expandShouldBoundTheColumnByTheRangeWhenTimeFilterIsUsed() {
        // WHEN
        String sql = macros.expand("SELECT 1 FROM t WHERE $__timeFilter(m.time) AND x > 0");
        // THEN
        assertThat(sql).isEqualTo("SELECT 1 FROM t WHERE m.time BETWEEN '2026-11-28T10:00:00Z'::timestamptz"
                + " AND '2026-11-28T16:00:00Z'::timestamptz AND x > 0");
    }

    @Test
    void expandShouldBucketEpochSecondsAndAliasTimeWhenTimeGroupAliasIsUsed() {
        // WHEN
        String sql = macros.expand("SELECT $__timeGroupAlias(time, '5m'), $__timeGroup(time,'10s') FROM t");
        // THEN
        assertThat(sql).isEqualTo("SELECT floor(extract(epoch FROM time) / 300) * 300 AS \"time\","
                + " floor(extract(epoch FROM time) / 10) * 10 FROM t");
    }

    @Test
    void intervalSecondsShouldConvertEachUnitWhenGivenGrafanaIntervals() {
        // WHEN / THEN
        assertThat(GrafanaSqlMacros.intervalSeconds("'15s'")).isEqualTo(15);
        assertThat(GrafanaSqlMacros.intervalSeconds("'1m'")).isEqualTo(60);
        assertThat(GrafanaSqlMacros.intervalSeconds("2h")).isEqualTo(7200);
        assertThat(GrafanaSqlMacros.intervalSeconds("'1d'")).isEqualTo(86_400);
    }

    @Test
    void expandShouldRejectTheQueryWhenItUsesAMacroTheTestsDoNotRun() {
        // WHEN / THEN
        assertThatThrownBy(() -> macros.expand("SELECT $__unixEpochFilter(t) FROM x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$__unixEpochFilter");
    }

    @Test
    void expandShouldRejectTheQueryWhenItUsesATemplateVariable() {
        // WHEN / THEN
        assertThatThrownBy(() -> macros.expand("SELECT * FROM sites WHERE name = '$site'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'$site'");
    }

    @Test
    void expandShouldRejectTheIntervalWhenItIsAutomatic() {
        // WHEN / THEN
        assertThatThrownBy(() -> macros.expand("SELECT $__timeGroup(time, $__interval) FROM t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$__interval");
    }
}
