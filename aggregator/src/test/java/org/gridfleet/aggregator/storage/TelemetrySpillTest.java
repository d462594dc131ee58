package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetrySpillTest {

    @TempDir
    Path dir;

    private static List<EncodedRow> rows(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> new EncodedRow(TelemetryRow.Table.MARKET_SIGNALS, "t" + i + "\tsrc\t" + i)).toList();
    }

    private static List<EncodedRow> drain(TelemetrySpill spill, int batch) throws Exception {
        List<EncodedRow> out = new ArrayList<>();
        for (List<EncodedRow> b = spill.peek(batch); !b.isEmpty(); b = spill.peek(batch)) {
            out.addAll(b);
            spill.commit(b.size());
        }
        return out;
    }

    private long segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void peekShouldReturnRowsInAppendOrderAcrossSegmentsWhenReadInBatches() throws Exception {
        // GIVEN segments of about 100 bytes, so 300 rows span many of them
        TelemetrySpill spill = TelemetrySpill.open(dir, 1 << 20, 100);
        spill.append(rows(0, 150));
        // WHEN reading starts while rows are still being appended
        List<EncodedRow> first = spill.peek(40);
        spill.commit(first.size());
        spill.append(rows(150, 300));
        List<EncodedRow> read = new ArrayList<>(first);
        read.addAll(drain(spill, 40));
        // THEN
        assertThat(read).containsExactlyElementsOf(rows(0, 300));
        assertThat(spill.rows()).isZero();
        assertThat(segmentFiles()).isZero();
    }

    @Test
    void openShouldReplayUncommittedRowsInOrderWhenAnEarlierRunLeftThem() throws Exception {
        // GIVEN a run that committed part of its first segment and then stopped
        TelemetrySpill before = TelemetrySpill.open(dir, 1 << 20, 100);
        before.append(rows(0, 50));
        before.commit(before.peek(1).size());
        before.close();
        // WHEN
        TelemetrySpill after = TelemetrySpill.open(dir, 1 << 20, 100);
        // THEN rows are never lost: the partly committed segment is read again whole (the store dedups it)
        assertThat(drain(after, 7)).containsExactlyElementsOf(rows(0, 50));
    }

    @Test
    void appendShouldStopAtTheCapAndReportHowManyFitWhenTheSpillIsFull() throws Exception {
        // GIVEN a cap of 60 bytes; each row line takes about 25
        TelemetrySpill spill = TelemetrySpill.open(dir, 60, 1000);
        // WHEN
        int kept = spill.append(rows(0, 10));
        // THEN
        assertThat(kept).isEqualTo(2);
        assertThat(spill.rows()).isEqualTo(2);
        assertThat(drain(spill, 10)).containsExactlyElementsOf(rows(0, 2));
    }

    @Test
    void prependShouldPutRowsBeforeEverySpilledRowWhenTheyAreOlder() throws Exception {
        // GIVEN
        TelemetrySpill spill = TelemetrySpill.open(dir, 1 << 20, 100);
        spill.append(rows(10, 20));
        // WHEN
        spill.prepend(rows(0, 10));
        spill.close();
        // THEN also after a restart
        assertThat(drain(TelemetrySpill.open(dir, 1 << 20, 100), 3)).containsExactlyElementsOf(rows(0, 20));
    }

    @Test
    void openShouldSkipAnIncompleteLastLineWhenACrashCutIt() throws Exception {
        // GIVEN
        TelemetrySpill spill = TelemetrySpill.open(dir, 1 << 20, 1 << 20);
        spill.append(rows(0, 3));
        spill.close();
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        Files.writeString(segment, "market_signals\tt3\tsr", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // WHEN
        TelemetrySpill reopened = TelemetrySpill.open(dir, 1 << 20, 1 << 20);
        // THEN
        assertThat(reopened.rows()).isEqualTo(3);
        assertThat(drain(reopened, 10)).containsExactlyElementsOf(rows(0, 3));
    }
}
