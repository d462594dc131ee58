package org.gridfleet.aggregator.openadr.grid;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO 8601 durations as OpenADR writes them (years, months, weeks allowed; the contract's pattern). */
public final class IsoDurations {

    private static final Pattern DURATION = Pattern.compile(
            "^(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");

    private IsoDurations() {
    }

    /** {@code start} plus the duration, calendar-aware in UTC; throws IllegalArgumentException if malformed. */
    public static Instant addTo(Instant start, String duration) {
        Matcher m = DURATION.matcher(duration);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO 8601 duration: " + duration);
        }
        if (!m.group(1).isEmpty()) {
            throw new IllegalArgumentException("negative duration not allowed here: " + duration);
        }
        ZonedDateTime t = start.atZone(ZoneOffset.UTC)
                .plusYears(number(m.group(2))).plusMonths(number(m.group(3)));
        long days = number(m.group(4));
        t = "W".equals(m.group(5)) ? t.plusWeeks(days) : t.plusDays(days);
        t = t.plusHours(number(m.group(6))).plusMinutes(number(m.group(7)));
        if (m.group(8) != null) {
            t = t.plusNanos(Math.round(Double.parseDouble(m.group(8)) * 1e9));
        }
        return t.toInstant();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
