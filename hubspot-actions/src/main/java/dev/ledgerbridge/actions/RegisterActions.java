package dev.ledgerbridge.actions;

import dev.ledgerbridge.actions.ActionRegistrar.Report;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotClientConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line: registers or updates the suite's action definitions for a HubSpot app, idempotently
 * ({@code scripts/register-actions.sh}). Exit code 0 when every definition is registered, 2 for bad arguments,
 * 1 when HubSpot refused a call.
 */
public final class RegisterActions {

    private static final String USAGE = """
            usage: register-actions --app-id N [--base-url URL] [--hubspot-url URL] [--developer-api-key KEY]
              --app-id             HubSpot app that owns the actions (required)
              --base-url           the gateway's public base URL (default http://localhost:8080)
              --hubspot-url        HubSpot API host (default http://localhost:8090, the sandbox; https://api.hubapi.com)
              --developer-api-key  developer account key (default $HUBSPOT_DEVELOPER_API_KEY, else the sandbox's key)""";

    private RegisterActions() {
    }

    /** Parses the arguments, registers, prints what changed and exits. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without {@code System.exit}, for tests: returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        long appId;
        try {
            appId = Long.parseLong(options.get("--app-id"));
        } catch (NumberFormatException | NullPointerException e) {
            err.println("--app-id must be a number");
            err.println(USAGE);
            return 2;
        }
        URI baseUrl = URI.create(options.getOrDefault("--base-url", "http://localhost:8080"));
        URI hubspotUrl = URI.create(options.getOrDefault("--hubspot-url", "http://localhost:8090"));
        String key = options.getOrDefault("--developer-api-key",
                System.getenv().getOrDefault("HUBSPOT_DEVELOPER_API_KEY", "sandbox-developer-key"));

        Vertx vertx = Vertx.vertx();
        // Definitions are managed with the developer key only: no portal token is ever needed.
        try (HubSpotClient client = new HubSpotClient(vertx, HubSpotClientConfig.defaults(hubspotUrl),
                portalId -> Uni.createFrom().failure(new IllegalStateException("no portal tokens in this command")))) {
            Report report = new ActionRegistrar(client.actionDefinitions(appId, key))
                    .register(ActionDefinitions.load(baseUrl))
                    .await().atMost(Duration.ofMinutes(2));
            print(out, "created", report.created());
            print(out, "updated", report.updated());
            print(out, "unchanged", report.unchanged());
            int total = report.created().size() + report.updated().size() + report.unchanged().size();
            out.println(report.changedNothing()
                    ? "No change: all " + total + " action definitions of app " + appId + " are up to date."
                    : total + " action definitions of app " + appId + ": " + report.created().size() + " created, "
                            + report.updated().size() + " updated, " + report.unchanged().size() + " unchanged.");
            return 0;
        } catch (RuntimeException e) {
            err.println("Registration failed: " + e.getMessage());
            return 1;
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static void print(PrintStream out, String what, List<String> actions) {
        actions.forEach(action -> out.println(what + ": " + action));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--app-id", "--base-url", "--hubspot-url", "--developer-api-key").contains(name)) {
                throw new IllegalArgumentException("unknown argument " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        if (!options.containsKey("--app-id")) {
            throw new IllegalArgumentException("--app-id is required");
        }
        return options;
    }
}
