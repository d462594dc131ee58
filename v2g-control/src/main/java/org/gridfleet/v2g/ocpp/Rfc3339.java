package org.gridfleet.v2g.ocpp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The one RFC 3339 date-time form chargers send in practice, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)},
 * read without java.time's formatter. Every meter value carries one or two date-times, and the general path
 * (vertx-json-schema's pattern plus {@code DateTimeFormatter.ISO_DATE_TIME}, then {@code Instant.parse}) built and
 * copied maps for each: a third of the Java samples of inbound meter values in the gateway's profile (BENCHMARKS.md,
 * fifth fan-out pass).
 *
 * <p>Only that form is read: an upper-case {@code T} and {@code Z}, seconds present, 1 to 9 fraction digits,
 * a real calendar day, no leap second, an offset within ±18:00. Anything else gives null and goes to the
 * general path, which decides. Every text read here is one the general path also accepts, with the same instant
 * ({@code Rfc3339Properties} compares them over generated texts), so a "yes" here never admits what the schema refuses.
 */
final class Rfc3339 {
  /** No offset at the end: not the common form. */
  private static final int NO_OFFSET = Integer.MIN_VALUE;
  private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private Rfc3339() {}

  /** The instant of {@code text} when it is in the common form, else null (not necessarily invalid). */
  static Instant parse(String text) {
    int n = text.length();
    if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(text, start, count) * SCALE[count - 1];
    }
    int offsetSeconds = offsetSeconds(text, i);
    if (offsetSeconds == NO_OFFSET) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
  }

  /** The offset ending the text at {@code i}: {@code Z} or {@code ±HH:MM} up to ±18:00; else NO_OFFSET. */
  private static int offsetSeconds(String text, int i) {
    int n = text.length();
    if (i == n - 1 && text.charAt(i) == 'Z') {
      return 0;
    }
    if (i != n - 6 || text.charAt(i + 3) != ':') {
      return NO_OFFSET;
    }
    char sign = text.charAt(i);
    int hours = digits(text, i + 1, 2);
    int minutes = digits(text, i + 4, 2);
    if (sign != '+' && sign != '-' || hours < 0 || minutes < 0 || minutes > 59 || hours > 18
        || hours == 18 && minutes > 0) {
      return NO_OFFSET;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The decimal value of {@code count} ASCII digits from {@code from}; -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
