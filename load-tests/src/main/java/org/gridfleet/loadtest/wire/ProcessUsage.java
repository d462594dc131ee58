package org.gridfleet.loadtest.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process on this machine, read from Linux {@code /proc/<pid>}.
 *
 * @param cpuSeconds user + system CPU time so far, s
 * @param rssMb      resident set size now, MB
 * @param peakRssMb  peak resident set size, MB
 */
public record ProcessUsage(double cpuSeconds, double rssMb, double peakRssMb) {
  /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  /** Reads the process's usage now; empty figures (NaN) when it is not readable (other OS, process gone). */
  public static ProcessUsage of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name (which may hold spaces) start at state = field 3.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
      double rss = Double.NaN;
      double peak = Double.NaN;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kilobytes(line) / 1024;
        } else if (line.startsWith("VmHWM:")) {
          peak = kilobytes(line) / 1024;
        }
      }
      return new ProcessUsage(cpu, rss, peak);
    } catch (IOException | RuntimeException e) {
      return new ProcessUsage(Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /** Share of one core used between this reading and a later one, % (200 = two cores busy). */
  public double cpuPercentUntil(ProcessUsage later, double wallSeconds) {
    return (later.cpuSeconds - cpuSeconds) / wallSeconds * 100;
  }

  private static double kilobytes(String statusLine) {
    return Double.parseDouble(statusLine.replaceAll("[^0-9]", ""));
  }
}
