package dev.ledgerbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the run ran on and from: cores, CPU model, memory, load average, Java, and the git commit. */
public record Machine(int cores, String cpuModel, long memoryMb, String loadAverageBefore, String java, String commit,
                      boolean dirty) {

    /** Reads the machine now (the load average is the one before the run, so call it first). */
    public static Machine read(Path repoRoot) {
        String model = "";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux: leave them empty
        }
        String load = loadAverage();
        String commit = git(repoRoot, "rev-parse", "HEAD");
        boolean dirty = !git(repoRoot, "status", "--porcelain", "--untracked-files=no").isBlank();
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memKb / 1024, load,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), commit, dirty);
    }

    /** The 1, 5 and 15 minute load averages, e.g. {@code 1.20 0.80 0.50}. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** For the JSON report. */
    public Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cores", cores);
        v.put("cpuModel", cpuModel);
        v.put("memoryMb", memoryMb);
        v.put("loadAverageBefore", loadAverageBefore);
        v.put("java", java);
        v.put("commit", commit);
        v.put("uncommittedChanges", dirty);
        return v;
    }

    private static String git(Path repoRoot, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repoRoot.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
