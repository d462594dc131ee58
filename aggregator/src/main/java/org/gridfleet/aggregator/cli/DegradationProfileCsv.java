package org.gridfleet.aggregator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridfleet.degradation.SocProfile;

/**
 * Reads a one-day SoC profile for {@code gridfleet degradation}: a header naming the columns
 * {@code seconds}, {@code soc} (0..1) and optionally {@code temperature_c}, then one sample per line.
 * Every problem is reported as an {@link IllegalArgumentException} naming the file, line and field.
 */
final class DegradationProfileCsv {
    private DegradationProfileCsv() {
    }

    /**
     * @param defaultTemperatureC cell temperature for every sample when the file has no
     *     {@code temperature_c} column
     * @throws IllegalArgumentException if the file is missing, unreadable or malformed
     */
    static SocProfile read(Path file, double defaultTemperatureC) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("profile file not found: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header 'seconds,soc[,temperature_c]'");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        int secondsColumn = requireColumn(file, header, "seconds");
        int socColumn = requireColumn(file, header, "soc");
        int temperatureColumn = header.indexOf("temperature_c");

        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + header.size()
                        + " fields, but found " + fields.length);
            }
            double seconds = number(file, i + 1, "seconds", fields[secondsColumn]);
            double soc = number(file, i + 1, "soc", fields[socColumn]);
            double temperature = temperatureColumn < 0 ? defaultTemperatureC
                    : number(file, i + 1, "temperature_c", fields[temperatureColumn]);
            if (!(soc >= 0.0 && soc <= 1.0)) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": soc must be within 0..1, but was "
                        + fields[socColumn].trim());
            }
            if (!rows.isEmpty() && !(seconds > rows.get(rows.size() - 1)[0])) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": seconds must be strictly increasing, but " + fields[secondsColumn].trim()
                        + " follows " + rows.get(rows.size() - 1)[0]);
            }
            rows.add(new double[] {seconds, soc, temperature});
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(file + ": needs at least 2 samples, but has " + rows.size());
        }
        double span = rows.get(rows.size() - 1)[0] - rows.get(0)[0];
        if (span != SocProfile.SECONDS_PER_DAY) {
            throw new IllegalArgumentException(file + ": the profile must span exactly one day (86400 s) from its "
                    + "first to its last sample, but spans " + span + " s");
        }
        try {
            return SocProfile.of(column(rows, 0), column(rows, 1), column(rows, 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static int requireColumn(Path file, List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": header must name a '" + name + "' column, but was '"
                    + String.join(",", header) + "'");
        }
        return index;
    }

    private static double number(Path file, int line, String field, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the field name
        }
        throw new IllegalArgumentException(file + " line " + line + ": " + field + " must be a finite number, but was '"
                + text.trim() + "'");
    }

    private static double[] column(List<double[]> rows, int index) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[index];
        }
        return values;
    }
}
