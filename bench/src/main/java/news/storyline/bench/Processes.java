package news.storyline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's processes as Linux sees them: the pids bin/stack wrote to {@code <var>/run/<service>.pid}, CPU time
 * from {@code /proc/<pid>/stat}, memory from {@code /proc/<pid>/status}.
 */
final class Processes {

    static final List<String> SERVICES = List.of("mongo", "story-service", "brief-service", "gateway");
    /** USER_HZ, the unit of utime and stime: 100 on every Linux the stack runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Integer> pids;

    private Processes(Map<String, Integer> pids) {
        this.pids = pids;
    }

    /** The running stack's processes; fails naming the service whose pid file is missing or stale. */
    static Processes of(Path runDir) {
        Map<String, Integer> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path file = runDir.resolve(service + ".pid");
            try {
                int pid = Integer.parseInt(Files.readString(file).strip());
                if (!Files.exists(Path.of("/proc", String.valueOf(pid)))) {
                    throw new IllegalStateException(service + " (pid " + pid + " in " + file + ") is not running");
                }
                pids.put(service, pid);
            } catch (IOException e) {
                throw new IllegalStateException("No pid file for " + service + " at " + file + ": is the stack up?", e);
            }
        }
        return new Processes(pids);
    }

    Map<String, Integer> pids() {
        return pids;
    }

    /** User plus system CPU seconds each process has used since it started. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((service, pid) -> seconds.put(service,
                                                   cpuTicks(read("/proc/" + pid + "/stat")) / TICKS_PER_SECOND));
        return seconds;
    }

    /** Each process's peak resident memory (VmHWM), in MiB. */
    Map<String, Double> peakRssMiB() {
        Map<String, Double> mib = new LinkedHashMap<>();
        pids.forEach((service, pid) -> mib.put(service, kib(read("/proc/" + pid + "/status"), "VmHWM") / 1024.0));
        return mib;
    }

    /** The machine's load average over the last minute, null where /proc does not say. */
    static Double loadAverage() {
        try {
            return Double.valueOf(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * utime + stime of a {@code /proc/<pid>/stat} line. The command name in parentheses may hold spaces, so the
     * fields are counted from the last ')': the state is the first after it, utime the 12th, stime the 13th.
     */
    static long cpuTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A field of {@code /proc/<pid>/status} given in kB, such as {@code VmHWM:    123456 kB}. */
    static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalArgumentException("No " + field + " in the process status");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (did a service exit?)", e);
        }
    }
}
