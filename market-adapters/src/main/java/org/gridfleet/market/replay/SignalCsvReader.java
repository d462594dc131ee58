package org.gridfleet.market.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.gridfleet.market.SampledSeries;

/**
 * Reads a recorded signal file (PJM regulation signal, grid frequency) into a {@link SampledSeries}, strictly.
 *
 * <p>Format (docs/design/SCENARIO.md): CSV with a header; the first column is the time, either ISO-8601 local
 * date-time ({@code 2020-07-16T00:00:02}, PJM {@code time_ept}, RTE {@code time_local_cet}), ISO-8601 with an
 * offset ({@code 2026-01-15T22:00:00Z}) or seconds ({@code seconds_from_midnight}); one format per file. The value
 * column is chosen by name; an empty value is a missing sample (NaN).
 *
 * <p>Times map to instants through {@code firstRowAt}: the first row is at {@code firstRowAt} and every later row
 * keeps its offset from the first row. The step is the offset of the second row; every later row must lie on that
 * grid, strictly after the previous one; skipped grid points (a gap between recorded blocks) become missing
 * samples. Any other deviation is a {@link SignalFileFormatException} naming the line and column.
 */
public final class SignalCsvReader {

    /** Largest number of samples a file may expand to, gaps included (≈ 92 days at 1 s, 64 MB of doubles). */
    public static final int MAX_SAMPLES = 8_000_000;

    /** A plain decimal number; rejects Java-only forms such as {@code NaN}, {@code 1d} or hex floats. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private enum TimeFormat { SECONDS, LOCAL, OFFSET }

    private SignalCsvReader() {
    }

    /**
     * Reads {@code column} of the file at {@code path}.
     *
     * @param firstRowAt the instant the first row maps to; {@code null} to use the file's own times, which then
     *     must carry an offset
     * @throws SignalFileFormatException if the file is malformed, naming line and column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SampledSeries read(Path path, String column, Instant firstRowAt) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, path.getFileName().toString(), column, firstRowAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signal file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code column} from {@code in}.
     *
     * @param source name of the input for error messages
     * @param firstRowAt the instant the first row maps to; {@code null} to use the file's own times, which then
     *     must carry an offset
     * @throws SignalFileFormatException if the input is malformed, naming line and column
     * @throws UncheckedIOException if the input cannot be read
     */
    public static SampledSeries read(Reader in, String source, String column, Instant firstRowAt) {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String header = lines.readLine();
            if (header == null || header.isBlank()) {
                throw new SignalFileFormatException(source, 1, "header", "file is empty, expected a CSV header");
            }
            List<String> names = Arrays.stream(stripBom(header).split(",", -1)).map(String::trim).toList();
            int valueIndex = names.indexOf(column);
            if (valueIndex < 0) {
                throw new SignalFileFormatException(source, 1, column, "no such column; header has " + names);
            }
            if (valueIndex == 0) {
                throw new SignalFileFormatException(source, 1, column, "the first column is the time, not a value");
            }
            return new Parse(source, names, valueIndex, firstRowAt).run(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signal file " + source + ": " + e.getMessage(), e);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** State of one parse: the first row's time, the step, the growing sample array. */
    private static final class Parse {
        private final String source;
        private final List<String> names;
        private final int valueIndex;
        private Instant firstRowAt;
        private TimeFormat format;
        private BigDecimal firstSeconds;
        private LocalDateTime firstLocal;
        private Instant firstInstant;
        private long stepNanos;
        private long lastIndex = -1;
        private double[] values = new double[1024];
        private int lineNo = 1;
        private int blankLine;

        Parse(String source, List<String> names, int valueIndex, Instant firstRowAt) {
            this.source = source;
            this.names = names;
            this.valueIndex = valueIndex;
            this.firstRowAt = firstRowAt;
        }

        SampledSeries run(BufferedReader lines) throws IOException {
            long firstOffsetOfSecondRow = -1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    blankLine = blankLine == 0 ? lineNo : blankLine;
                    continue;
                }
                if (blankLine != 0) {
                    throw error(blankLine, "row", "blank line inside the data");
                }
                String[] fields = line.split(",", -1);
                if (fields.length != names.size()) {
                    throw error(lineNo, "row", "expected " + names.size() + " fields " + names + ", but found "
                            + fields.length);
                }
                long offsetNanos = offsetNanos(fields[0].trim());
                double value = value(fields[valueIndex].trim());
                if (lastIndex < 0) {
                    put(0, value);
                    continue;
                }
                if (firstOffsetOfSecondRow < 0) {
                    if (offsetNanos <= 0) {
                        throw error(lineNo, names.get(0), "time must be after the first row's time");
                    }
                    firstOffsetOfSecondRow = offsetNanos;
                    stepNanos = offsetNanos;
                }
                if (offsetNanos % stepNanos != 0) {
                    throw error(lineNo, names.get(0), "time '" + fields[0].trim() + "' is not on the "
                            + Duration.ofNanos(stepNanos) + " grid set by the first two rows");
                }
                long index = offsetNanos / stepNanos;
                if (index <= lastIndex) {
                    throw error(lineNo, names.get(0), "time '" + fields[0].trim()
                            + "' is not after the previous row's time");
                }
                if (index >= MAX_SAMPLES) {
                    throw error(lineNo, names.get(0), "file spans more than " + MAX_SAMPLES + " samples");
                }
                put(index, value);
            }
            if (lastIndex < 1) {
                throw error(0, "rows", "need at least two data rows to know the step, found " + (lastIndex + 1));
            }
            return new SampledSeries(firstRowAt, Duration.ofNanos(stepNanos),
                    Arrays.copyOf(values, (int) lastIndex + 1));
        }

        private void put(long index, double value) {
            int i = (int) index;
            if (i >= values.length) {
                int old = values.length;
                values = Arrays.copyOf(values, Math.max(i + 1, old * 2));
                Arrays.fill(values, old, values.length, Double.NaN);
            } else if (i > lastIndex + 1) {
                Arrays.fill(values, (int) lastIndex + 1, i, Double.NaN);
            }
            values[i] = value;
            lastIndex = index;
        }

        private long offsetNanos(String time) {
            if (format == null) {
                format = detect(time);
            }
            try {
                switch (format) {
                    case SECONDS -> {
                        BigDecimal seconds = new BigDecimal(time);
                        if (firstSeconds == null) {
                            firstSeconds = seconds;
                            requireFirstRowAt();
                        }
                        return seconds.subtract(firstSeconds).movePointRight(9).longValueExact();
                    }
                    case LOCAL -> {
                        LocalDateTime local = parseLocal(time);
                        if (firstLocal == null) {
                            firstLocal = local;
                            requireFirstRowAt();
                        }
                        return Duration.between(firstLocal, local).toNanos();
                    }
                    default -> {
                        Instant instant = OffsetDateTime.parse(time).toInstant();
                        if (firstInstant == null) {
                            firstInstant = instant;
                            firstRowAt = firstRowAt == null ? instant : firstRowAt;
                        }
                        return Duration.between(firstInstant, instant).toNanos();
                    }
                }
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw error(lineNo, names.get(0), "time '" + time + "' is not " + describe(format)
                        + " like the first row");
            }
        }

        /**
         * ISO local date-time; the common {@code yyyy-MM-ddTHH:mm:ss} shape is parsed by hand because the general
         * parser dominates the cost of reading a day of 2-s samples.
         */
        private static LocalDateTime parseLocal(String time) {
            if (time.length() == 19 && time.charAt(4) == '-' && time.charAt(7) == '-' && time.charAt(10) == 'T'
                    && time.charAt(13) == ':' && time.charAt(16) == ':') {
                try {
                    return LocalDateTime.of(digits(time, 0, 4), digits(time, 5, 7), digits(time, 8, 10),
                            digits(time, 11, 13), digits(time, 14, 16), digits(time, 17, 19));
                } catch (DateTimeException e) {
                    throw new DateTimeParseException(e.getMessage(), time, 0, e);
                }
            }
            return LocalDateTime.parse(time);
        }

        private static int digits(String s, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new DateTimeParseException("not a digit at " + i, s, i);
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private void requireFirstRowAt() {
            if (firstRowAt == null) {
                throw error(lineNo, names.get(0), "times without an offset need firstRowAt to map them to instants");
            }
        }

        private TimeFormat detect(String time) {
            if (time.isEmpty()) {
                throw error(lineNo, names.get(0), "time is empty");
            }
            if (time.indexOf('T') < 0) {
                return TimeFormat.SECONDS;
            }
            try {
                OffsetDateTime.parse(time);
                return TimeFormat.OFFSET;
            } catch (DateTimeParseException e) {
                return TimeFormat.LOCAL;
            }
        }

        private static String describe(TimeFormat f) {
            return switch (f) {
                case SECONDS -> "a number of seconds";
                case LOCAL -> "an ISO-8601 local date-time";
                case OFFSET -> "an ISO-8601 date-time with offset";
            };
        }

        private double value(String text) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            try {
                if (!DECIMAL.matcher(text).matches()) {
                    throw new NumberFormatException();
                }
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(lineNo, names.get(valueIndex), "value '" + text + "' is not a finite number");
            }
        }

        private SignalFileFormatException error(int line, String field, String message) {
            return new SignalFileFormatException(source, line, field, message);
        }
    }
}
