package dev.ledgerbridge.sandbox.admin;

import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Decides, deterministically from a seed, which vendor requests get a 429, a 5xx, added latency or a
 * dropped connection. Every matching request draws the same two numbers, so a given request sequence
 * always gets the same faults.
 */
@ApplicationScoped
public class FaultInjector implements Reseedable {

    /** What to do with one request. */
    public enum Action { PASS, STATUS, DROP }

    /** The decision for one request. */
    public record Decision(Action action, int status, long latencyMs, Integer retryAfterSeconds) {
        static final Decision NONE = new Decision(Action.PASS, 0, 0, null);
    }

    private record CompiledRule(FaultRule rule, Pattern endpoint) {
    }

    private FaultSettings settings = new FaultSettings(null, List.of());
    private List<CompiledRule> rules = List.of();
    private final List<Integer> injected = new ArrayList<>();
    private Random random = new Random(42);
    private long appliedAtNanos = System.nanoTime();

    @Override
    public synchronized void reset() {
        apply(new FaultSettings(null, List.of()));
    }

    public synchronized void apply(FaultSettings s) {
        List<FaultRule> list = s.rules() == null ? List.of() : s.rules();
        settings = new FaultSettings(s.seed() == null ? 42L : s.seed(), list);
        random = new Random(settings.seed());
        List<CompiledRule> compiled = new ArrayList<>();
        for (FaultRule r : list) {
            validate(r);
            compiled.add(new CompiledRule(r, r.endpoint() == null || r.endpoint().isBlank() ? null : glob(r.endpoint())));
        }
        rules = compiled;
        appliedAtNanos = System.nanoTime();
        injected.clear();
        list.forEach(r -> injected.add(0));
    }

    public synchronized Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seed", settings.seed());
        v.put("rules", settings.rules());
        v.put("injected", List.copyOf(injected));
        return v;
    }

    public synchronized Decision decide(String vendor, String method, String path, String template) {
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule c = rules.get(i);
            FaultRule r = c.rule();
            if (r.vendor() != null && !"*".equals(r.vendor()) && !r.vendor().equalsIgnoreCase(vendor)) {
                continue;
            }
            if (c.endpoint() != null && !(c.endpoint().matcher(method + " " + template).matches()
                    || c.endpoint().matcher(template).matches() || c.endpoint().matcher(path).matches()
                    || c.endpoint().matcher(method + " " + path).matches())) {
                continue;
            }
            if (r.times() != null && injected.get(i) >= r.times()) {
                // A rule whose budget is spent is retired, so later rules can take over.
                continue;
            }
            if (r.forSeconds() != null && System.nanoTime() - appliedAtNanos >= (long) (r.forSeconds() * 1e9)) {
                // Likewise a rule whose time is up.
                continue;
            }
            double outcome = random.nextDouble();
            double lag = random.nextDouble();
            long latency = r.latencyMs() != null && lag < (r.latencyShare() == null ? 1.0 : r.latencyShare()) ? r.latencyMs() : 0;
            double drop = share(r.dropShare());
            double tooMany = share(r.share429());
            double serverError = share(r.share5xx());
            if (outcome < drop) {
                injected.set(i, injected.get(i) + 1);
                return new Decision(Action.DROP, 0, latency, null);
            }
            if (outcome < drop + tooMany) {
                injected.set(i, injected.get(i) + 1);
                return new Decision(Action.STATUS, 429, latency, r.retryAfterSeconds());
            }
            if (outcome < drop + tooMany + serverError) {
                injected.set(i, injected.get(i) + 1);
                return new Decision(Action.STATUS, r.status5xx() == null ? 503 : r.status5xx(), latency, null);
            }
            return new Decision(Action.PASS, 0, latency, null);
        }
        return Decision.NONE;
    }

    private static double share(Double d) {
        return d == null ? 0 : d;
    }

    private static void validate(FaultRule r) {
        for (Double d : new Double[] {r.share429(), r.share5xx(), r.dropShare(), r.latencyShare()}) {
            if (d != null && (d < 0 || d > 1)) {
                throw new IllegalArgumentException("Shares must be between 0 and 1.");
            }
        }
        if (share(r.share429()) + share(r.share5xx()) + share(r.dropShare()) > 1.000001) {
            throw new IllegalArgumentException("share429 + share5xx + dropShare must not exceed 1.");
        }
        if (r.status5xx() != null && (r.status5xx() < 500 || r.status5xx() > 599)) {
            throw new IllegalArgumentException("status5xx must be a 5xx status.");
        }
        if (r.latencyMs() != null && r.latencyMs() < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative.");
        }
        if (r.forSeconds() != null && !(r.forSeconds() > 0)) {
            throw new IllegalArgumentException("forSeconds must be positive.");
        }
    }

    private static Pattern glob(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
