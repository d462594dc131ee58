package org.gridfleet.aggregator.storage;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only spill of telemetry rows on local disk, read back oldest first. Rows live in numbered
 * segment files ({@code <n>.spill}, one {@code table<TAB>COPY line} per line); appends go to the newest
 * segment, reads load the oldest whole segment and delete it once every row of it is committed. A crash
 * while a segment is being replayed replays that segment again, which the store's row identity makes
 * harmless. Appends reach the operating system at once and the disk when a segment is sealed or closed.
 * Thread-safe: one thread appends, another reads.
 */
final class TelemetrySpill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySpill.class);
    /** Small segments bound what a crash replays twice and how soon replayed rows free disk space. */
    private static final long SEGMENT_BYTES = 4L << 20;
    private static final String SUFFIX = ".spill";

    private record Segment(Path path, long rows, long bytes) {
    }

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final ArrayDeque<EncodedRow> loaded = new ArrayDeque<>();
    private long loadedSegment;
    private Writer tail;
    private FileOutputStream tailFile;
    private long tailSegment;
    private long bytes;
    private volatile long rows;

    private TelemetrySpill(Path directory, long maxBytes, long segmentBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (creating if needed) the spill in {@code directory}; segments left by an earlier run are kept. */
    static TelemetrySpill open(Path directory, long maxBytes) {
        return open(directory, maxBytes, SEGMENT_BYTES);
    }

    /** @param segmentBytes size past which appends start a new segment */
    static TelemetrySpill open(Path directory, long maxBytes, long segmentBytes) {
        TelemetrySpill spill = new TelemetrySpill(directory, maxBytes, segmentBytes);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                    String name = p.getFileName().toString();
                    long n = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                    long count = readRows(p).size();
                    long size = Files.size(p);
                    spill.segments.put(n, new Segment(p, count, size));
                    spill.rows += count;
                    spill.bytes += size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open telemetry spill " + directory, e);
        }
        if (spill.rows > 0) {
            LOG.info("telemetry spill {} holds {} rows from an earlier run; replaying them", directory, spill.rows);
        }
        return spill;
    }

    /** Rows on disk not yet committed. */
    long rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /**
     * Appends rows in order after every row already spilled, as many as fit under the size cap.
     *
     * @return how many of {@code batch}, from its start, were appended; the rest did not fit
     */
    synchronized int append(List<EncodedRow> batch) throws IOException {
        return write(batch, true);
    }

    /** @param roll whether a full tail segment may be followed by a new one (not for a prepended segment) */
    private int write(List<EncodedRow> batch, boolean roll) throws IOException {
        int done = 0;
        for (EncodedRow r : batch) {
            String line = r.table().sqlName() + '\t' + r.line() + '\n';
            long size = line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            if (tail == null || roll && segments.get(tailSegment).bytes() >= segmentBytes) {
                openTail(segments.isEmpty() ? 0 : segments.lastKey() + 1);
            }
            tail.write(line);
            Segment s = segments.get(tailSegment);
            segments.put(tailSegment, new Segment(s.path(), s.rows() + 1, s.bytes() + size));
            bytes += size;
            rows++;
            done++;
        }
        if (tail != null) {
            tail.flush();
        }
        return done;
    }

    /**
     * Puts rows before every row already spilled (in a segment of their own): at shutdown, for rows that
     * were taken from memory before the spill began and could not be written.
     *
     * @return how many of {@code batch}, from its start, were kept; the rest did not fit under the cap
     */
    synchronized int prepend(List<EncodedRow> batch) throws IOException {
        if (segments.isEmpty()) {
            return append(batch);
        }
        sealTail();
        openTail(segments.firstKey() - 1);
        int done = write(batch, false);
        sealTail();
        return done;
    }

    /** Up to {@code max} of the oldest rows, without removing them; empty when nothing is spilled. */
    synchronized List<EncodedRow> peek(int max) throws IOException {
        if (loaded.isEmpty() && !segments.isEmpty()) {
            loadedSegment = segments.firstKey();
            if (tail != null && loadedSegment == tailSegment) {
                sealTail();
            }
            loaded.addAll(readRows(segments.get(loadedSegment).path()));
        }
        List<EncodedRow> out = new ArrayList<>(Math.min(max, loaded.size()));
        for (EncodedRow r : loaded) {
            if (out.size() == max) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** Removes the {@code count} oldest rows (a batch from {@link #peek} that is now in the database). */
    synchronized void commit(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            loaded.removeFirst();
        }
        rows -= count;
        if (loaded.isEmpty()) {
            Segment done = segments.remove(loadedSegment);
            Files.deleteIfExists(done.path());
            bytes -= done.bytes();
        }
    }

    private void openTail(long n) throws IOException {
        sealTail();
        Path p = directory.resolve(n + SUFFIX);
        tailFile = new FileOutputStream(p.toFile(), true);
        tail = new BufferedWriter(new OutputStreamWriter(tailFile, StandardCharsets.UTF_8), 64 * 1024);
        tailSegment = n;
        segments.putIfAbsent(n, new Segment(p, 0, 0));
    }

    private void sealTail() throws IOException {
        if (tail != null) {
            tail.flush();
            tailFile.getFD().sync();
            tail.close();
            tail = null;
        }
    }

    /** Complete lines only: a last line without its newline was cut by a crash and is skipped. */
    private static List<EncodedRow> readRows(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        List<EncodedRow> out = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String line = text.substring(start, nl);
            int tab = line.indexOf('\t');
            out.add(new EncodedRow(TelemetryRow.Table.bySqlName(line.substring(0, tab)), line.substring(tab + 1)));
            start = nl + 1;
        }
        if (start < text.length()) {
            LOG.warn("telemetry spill {}: skipping an incomplete last line ({} bytes)", p, text.length() - start);
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        sealTail();
    }
}
