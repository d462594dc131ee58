package org.gridfleet.loadtest.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by a local PostgreSQL: its postmaster and every process it forked (backends,
 * WAL writer, checkpointer), read from Linux {@code /proc}. With the machine shared, wall-clock rates
 * depend on the neighbours; CPU seconds per row do not.
 */
final class PostgresCpu {

    /** Linux reports utime/stime in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmasterPid;

    private PostgresCpu(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** For the server whose data directory is {@code pgdata} (its {@code postmaster.pid} names the process). */
    static PostgresCpu of(Path pgdata) throws IOException {
        return new PostgresCpu(Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim()));
    }

    /** CPU seconds (user + system) of the postmaster and its live children. */
    double seconds() throws IOException {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] f = stat(p);
                if (f != null && (Long.parseLong(f[0]) == postmasterPid || Long.parseLong(f[1]) == postmasterPid)) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** pid, ppid, then the fields after the process name; null if the process is gone. */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // rest[0] is the state, rest[1] the ppid, rest[11] utime and rest[12] stime
            String[] out = new String[13];
            out[0] = s.substring(0, s.indexOf(' '));
            System.arraycopy(rest, 1, out, 1, 12);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
