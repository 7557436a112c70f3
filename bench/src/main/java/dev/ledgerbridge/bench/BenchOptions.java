package dev.ledgerbridge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@code scripts/bench.sh}: a load run (rate or concurrency, duration, warm-up, count bound,
 * action mix) or a fault run ({@code --faults}, executions, {@code --short}).
 *
 * @param name        report name; files are {@code <date>-<name>.md/.json}
 * @param mix         action name to weight (only {@code create-invoice} exists today)
 * @param rates        open loop: enrollments per second, one measured stage per value (empty for a closed loop)
 * @param concurrencies closed loop: executions in flight, one measured stage per value (empty for an open loop)
 * @param duration    measured phase of a load run
 * @param warmup      load before the measured phase, excluded from the numbers
 * @param maxActions  stop the measured phase after this many enrollments, or null for no bound
 * @param faults      a fault run instead of a load run
 * @param executions  executions of a fault run
 * @param shortRun    the CI form of the fault run: 100 executions, one kill
 * @param faultRate   enrollments per second of a fault run
 * @param seed        seed of the fault injector and of the harness's own choices
 * @param jfr         record the gateway with Java Flight Recorder during a load run
 * @param repoRoot    repository root (jars, logs, git commit)
 * @param resultsDir  where reports are written
 * @param dbSuffix    suffix of the services' databases
 * @param serviceJvm  extra JVM arguments for the five services (e.g. heap sizing), after the launcher's own
 */
public record BenchOptions(String name, Map<String, Integer> mix, List<Double> rates, List<Integer> concurrencies, Duration duration,
                           Duration warmup, Integer maxActions, boolean faults, int executions, boolean shortRun,
                           double faultRate, long seed, boolean jfr, Path repoRoot, Path resultsDir, String dbSuffix,
                           List<String> serviceJvm) {

    /** The usage line printed for a bad command line. */
    public static final String USAGE = """
            usage: scripts/bench.sh [--name N] [--mix create-invoice=1] [--rate R[,R2..] | --concurrency C[,C2..]] [--duration 30s]
                                    [--warmup 60s] [--max-actions N] [--jfr] [--service-jvm "-Xmx96m ..."]
                   scripts/bench.sh --faults [--executions 1000] [--short] [--fault-rate 25] [--seed 42]
                   common: [--results-dir bench/results] [--db-suffix _bench] [--repo <repository root>]""";

    /** Parses the arguments; throws IllegalArgumentException with a readable message when they make no sense. */
    public static BenchOptions parse(String[] args) {
        String name = null;
        Map<String, Integer> mix = new LinkedHashMap<>();
        List<Double> rates = new ArrayList<>();
        List<Integer> concurrencies = new ArrayList<>();
        Duration duration = Duration.ofSeconds(30);
        // Long enough for the JIT on two cores: with 10 s, p99 at 50/s was 11.7 s; with 90 s, 59 ms (bench/README.md).
        Duration warmup = Duration.ofSeconds(60);
        Integer maxActions = null;
        boolean faults = false;
        Integer executions = null;
        boolean shortRun = false;
        double faultRate = 25;
        long seed = 42;
        boolean jfr = false;
        Path repoRoot = Path.of(".");
        Path resultsDir = null;
        String dbSuffix = "_bench";
        List<String> serviceJvm = List.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--faults" -> faults = true;
                case "--short" -> shortRun = true;
                case "--jfr" -> jfr = true;
                case "--name" -> name = value(args, ++i, arg);
                case "--mix" -> mix.putAll(parseMix(value(args, ++i, arg)));
                case "--rate" -> {
                    for (String r : value(args, ++i, arg).split(",")) {
                        rates.add(positive(Double.parseDouble(r.trim()), arg));
                    }
                }
                case "--concurrency" -> {
                    for (String c : value(args, ++i, arg).split(",")) {
                        concurrencies.add((int) positive(Integer.parseInt(c.trim()), arg));
                    }
                }
                case "--duration" -> duration = parseDuration(value(args, ++i, arg));
                case "--warmup" -> warmup = parseDuration(value(args, ++i, arg));
                case "--max-actions" -> maxActions = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--executions" -> executions = (int) positive(Integer.parseInt(value(args, ++i, arg)), arg);
                case "--fault-rate" -> faultRate = positive(Double.parseDouble(value(args, ++i, arg)), arg);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--repo" -> repoRoot = Path.of(value(args, ++i, arg));
                case "--results-dir" -> resultsDir = Path.of(value(args, ++i, arg));
                case "--db-suffix" -> dbSuffix = value(args, ++i, arg);
                case "--service-jvm" -> serviceJvm = List.of(value(args, ++i, arg).trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (!rates.isEmpty() && !concurrencies.isEmpty()) {
            throw new IllegalArgumentException("give --rate (open loop) or --concurrency (closed loop), not both");
        }
        if (rates.isEmpty() && concurrencies.isEmpty()) {
            rates.add(50.0);
        }
        if (mix.isEmpty()) {
            mix.put("create-invoice", 1);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        int runExecutions = executions != null ? executions : shortRun ? 100 : 1000;
        if (name == null) {
            name = faults ? (shortRun ? "faults-short" : "faults")
                    : !concurrencies.isEmpty() ? "c" + join(concurrencies) : "r" + join(rates.stream().map(BenchOptions::trim).toList());
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may hold letters, digits, '.', '_' and '-' only");
        }
        Path root = repoRoot.toAbsolutePath().normalize();
        return new BenchOptions(name, Map.copyOf(mix), List.copyOf(rates), List.copyOf(concurrencies),
                duration, warmup, maxActions, faults, runExecutions, shortRun, faultRate, seed, jfr, root,
                resultsDir == null ? root.resolve("bench/results") : resultsDir.toAbsolutePath().normalize(), dbSuffix,
                serviceJvm);
    }

    /** How many services the fault run kills: every one, or one in the short form. */
    public int kills() {
        return shortRun ? 1 : 5;
    }

    /** Reads {@code 30s}, {@code 2m}, {@code 500ms} or a bare number of seconds. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 2m, 500ms)");
        }
    }

    /** Reads {@code create-invoice=3,create-estimate=1}. */
    static Map<String, Integer> parseMix(String text) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            int weight = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : 1;
            if (kv[0].isBlank() || weight < 0) {
                throw new IllegalArgumentException("bad --mix entry " + part);
            }
            if (weight > 0) {
                mix.put(kv[0].trim(), weight);
            }
        }
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("--mix gives no action a positive weight");
        }
        return mix;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static double positive(double value, String flag) {
        if (value <= 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return value;
    }

    private static String join(List<?> values) {
        return String.join("-", values.stream().map(String::valueOf).toList());
    }

    static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
