package dev.ledgerbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's resident memory and CPU time from Linux's {@code /proc}: {@code VmRSS} of
 * {@code /proc/<pid>/status} and utime + stime (fields 14 and 15) of {@code /proc/<pid>/stat}.
 */
public final class ProcessReadings {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (USER_HZ). */
    public static final long TICKS_PER_SECOND = 100;

    private ProcessReadings() {
    }

    /** Resident set size in kB, or -1 when the process is gone. */
    public static long rssKb(long pid) {
        try {
            return rssKbFromStatus(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            return -1;
        }
    }

    /** User + system CPU time in clock ticks, or -1 when the process is gone. */
    public static long cpuTicks(long pid) {
        try {
            return cpuTicksFromStat(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    static long rssKbFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    static long cpuTicksFromStat(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
