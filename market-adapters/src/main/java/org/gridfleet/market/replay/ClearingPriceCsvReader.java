package org.gridfleet.market.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;

/**
 * Reads PJM hourly regulation market results (Data Miner 2 {@code reg_market_results}, as in
 * {@code reference/pjm/pjm_reg_market_results_2022-07_hourly.csv}) into clearing prices: hour from
 * {@code datetime_beginning_utc} ({@code 7/1/2022 4:00:00 AM}), RMCCP from {@code reg_ccp}, RMPCP from
 * {@code reg_pcp}. Strict: a bad row is a {@link SignalFileFormatException} naming line and column.
 */
public final class ClearingPriceCsvReader {

    private static final DateTimeFormatter PJM_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final List<String> REQUIRED = List.of("datetime_beginning_utc", "reg_ccp", "reg_pcp");

    private ClearingPriceCsvReader() {
    }

    /**
     * @param firstRowAt instant the first row's hour maps to (later rows keep their offsets), or {@code null} to
     *     keep the recorded UTC hours
     * @throws SignalFileFormatException if the file is malformed
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<ClearingPrice> read(Path path, Instant firstRowAt) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, path.getFileName().toString(), firstRowAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read market results " + path + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(Path, Instant)} from a reader; {@code source} names it in errors. */
    public static List<ClearingPrice> read(Reader in, String source, Instant firstRowAt) {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String header = lines.readLine();
            if (header == null) {
                throw new SignalFileFormatException(source, 1, "header", "file is empty, expected a CSV header");
            }
            List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int[] idx = new int[REQUIRED.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = names.indexOf(REQUIRED.get(i));
                if (idx[i] < 0) {
                    throw new SignalFileFormatException(source, 1, REQUIRED.get(i), "no such column; header has "
                            + names);
                }
            }
            List<ClearingPrice> out = new ArrayList<>();
            Instant first = null;
            int lineNo = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.size()) {
                    throw new SignalFileFormatException(source, lineNo, "row", "expected " + names.size()
                            + " fields, but found " + f.length);
                }
                Instant hour = parseHour(source, lineNo, f[idx[0]].trim());
                first = first == null ? hour : first;
                Instant start = firstRowAt == null ? hour : firstRowAt.plus(Duration.between(first, hour));
                out.add(new ClearingPrice(DeliveryPeriod.of(start, Duration.ofHours(1)),
                        price(source, lineNo, REQUIRED.get(1), f[idx[1]].trim()),
                        price(source, lineNo, REQUIRED.get(2), f[idx[2]].trim())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read market results " + source + ": " + e.getMessage(), e);
        }
    }

    private static Instant parseHour(String source, int line, String text) {
        try {
            return LocalDateTime.parse(text, PJM_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SignalFileFormatException(source, line, REQUIRED.get(0), "time '" + text
                    + "' is not like 7/1/2022 4:00:00 AM");
        }
    }

    private static double price(String source, int line, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SignalFileFormatException(source, line, column, "price '" + text
                    + "' is not a finite number >= 0");
        }
    }
}
