package org.gridfleet.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.SampledSeries;
import org.junit.jupiter.api.Test;

/** Strict reading of signal files in the three time formats, with firstRowAt mapping. */
class SignalCsvReaderTest {

    private static final Instant AT = Instant.parse("2026-01-15T22:00:00Z");

    @Test
    void readShouldMapFirstRowWhenTimesAreLocal() {
        // GIVEN the real PJM RegD file (time_ept, local times)
        // WHEN read with firstRowAt
        SampledSeries s = SignalCsvReader.read(Path.of("../reference/pjm/regd_2020-07-16_2s.csv"), "regd", AT);
        // THEN the first row is at firstRowAt, 2-s steps, a whole day of samples
        assertThat(s.start()).isEqualTo(AT);
        assertThat(s.step()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.size()).isEqualTo(43_200);
        assertThat(s.valueAt(0)).isEqualTo(-0.278542842);
        assertThat(s.valueAt(AT.plusSeconds(4))).isEqualTo(-0.332885398);
        assertThat(s.missingCount()).isZero();
    }

    @Test
    void readShouldAcceptSecondsFromMidnightWhenTimeIsNumeric() {
        SampledSeries s = SignalCsvReader.read(Path.of("../reference/pjm/regd_2019-07-unknown-day_2s.csv"), "regd",
                AT);
        assertThat(s.size()).isEqualTo(43_201);
        assertThat(s.valueAt(1)).isEqualTo(-0.208803787);
        assertThat(s.timeAt(43_200)).isEqualTo(AT.plus(Duration.ofDays(1)));
    }

    @Test
    void readShouldFillGapWithMissingWhenFileHasTwoBlocks() {
        // GIVEN the RegA file: 16:00-24:00 on two days, a 16-hour gap between
        SampledSeries s = SignalCsvReader.read(Path.of("../reference/pjm/rega_2017-08-01_02_16h-24h_2s.csv"),
                "rega", AT);
        // THEN the gap is missing samples and the second block keeps its offset
        assertThat(s.size()).isEqualTo(32 * 1800 + 1);
        assertThat(s.missingCount()).isEqualTo(16 * 1800 - 1);
        assertThat(s.valueAt(AT.plus(Duration.ofHours(12)))).isNaN();
        assertThat(s.valueAt(AT.plus(Duration.ofHours(24)))).isEqualTo(-0.91885458);
    }

    @Test
    void readShouldKeepEmptyValuesAsMissingWhenFrequencyHasGaps() {
        SampledSeries f = SignalCsvReader.read(Path.of("../reference/frequency/rte_france_2016-03-01_to_03_10s.csv"),
                "freq_hz", AT);
        assertThat(f.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(f.size()).isEqualTo(3 * 8640);
        assertThat(f.missingCount()).isEqualTo(90);
        assertThat(f.valueAt(0)).isEqualTo(50.0424);
    }

    @Test
    void readShouldUseFileTimesWhenTheyCarryAnOffsetAndNoFirstRowAt() {
        String csv = "time,freq_hz\n2026-01-15T23:00:00+01:00,50.01\n2026-01-15T22:00:01Z,\n"
                + "2026-01-15T22:00:03Z,49.98\n";
        SampledSeries s = SignalCsvReader.read(new StringReader(csv), "f.csv", "freq_hz", null);
        assertThat(s.start()).isEqualTo(AT);
        assertThat(s.toArray()).containsExactly(50.01, Double.NaN, Double.NaN, 49.98);
    }

    @Test
    void readShouldNameLineAndColumnWhenValueIsNotANumber() {
        String csv = "time_ept,regd\n2020-07-16T00:00:00,0.1\n2020-07-16T00:00:02,abc\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "regd", AT))
                .isInstanceOf(SignalFileFormatException.class)
                .hasMessage("x.csv:3: regd: value 'abc' is not a finite number");
    }

    @Test
    void readShouldRejectJavaOnlyNumberFormsWhenStrict() {
        for (String bad : new String[] {"NaN", "Infinity", "1d", "0x1p3"}) {
            String csv = "t,v\n0,1\n2," + bad + "\n";
            assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", AT))
                    .as(bad).hasMessageContaining("x.csv:3: v: value");
        }
    }

    @Test
    void readShouldNameLineWhenLocalDateDoesNotExist() {
        String csv = "time_ept,regd\n2020-02-28T00:00:00,0.1\n2020-02-30T00:00:00,0.2\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "regd", AT))
                .hasMessage("x.csv:3: time_ept: time '2020-02-30T00:00:00' is not an ISO-8601 local date-time like"
                        + " the first row");
    }

    @Test
    void readShouldNameLineWhenTimeIsOffTheGrid() {
        String csv = "t,v\n0,1\n2,1\n5,1\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", AT))
                .hasMessage("x.csv:4: t: time '5' is not on the PT2S grid set by the first two rows");
    }

    @Test
    void readShouldNameLineWhenTimeGoesBackwards() {
        String csv = "t,v\n0,1\n2,1\n4,1\n2,1\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", AT))
                .hasMessage("x.csv:5: t: time '2' is not after the previous row's time");
    }

    @Test
    void readShouldNameLineWhenTimeFormatChanges() {
        String csv = "t,v\n2020-07-16T00:00:00,1\n2,1\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", AT))
                .hasMessage("x.csv:3: t: time '2' is not an ISO-8601 local date-time like the first row");
    }

    @Test
    void readShouldRequireFirstRowAtWhenTimesHaveNoOffset() {
        String csv = "t,v\n0,1\n2,1\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", null))
                .hasMessageContaining("x.csv:2: t: times without an offset need firstRowAt");
    }

    @Test
    void readShouldNameColumnWhenItIsAbsent() {
        String csv = "t,v\n0,1\n2,1\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "regd", AT))
                .hasMessage("x.csv:1: regd: no such column; header has [t, v]");
    }

    @Test
    void readShouldNameLineWhenFieldCountIsWrong() {
        String csv = "t,v\n0,1\n2,1,3\n";
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(csv), "x.csv", "v", AT))
                .hasMessage("x.csv:3: row: expected 2 fields [t, v], but found 3");
    }

    @Test
    void readShouldRejectFileWhenItHasOneRowOrABlankLineInside() {
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader("t,v\n0,1\n"), "x.csv", "v", AT))
                .hasMessageContaining("need at least two data rows");
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader("t,v\n0,1\n\n2,1\n"), "x.csv", "v", AT))
                .hasMessage("x.csv:3: row: blank line inside the data");
        assertThatThrownBy(() -> SignalCsvReader.read(new StringReader(""), "x.csv", "v", AT))
                .hasMessageContaining("x.csv:1: header: file is empty");
    }
}
