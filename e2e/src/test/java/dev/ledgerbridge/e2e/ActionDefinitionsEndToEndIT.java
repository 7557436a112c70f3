package dev.ledgerbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R24 end to end: the register command (hubspot-actions, as {@code scripts/register-actions.sh} runs it) against the
 * sandbox's automation v4 API, twice: afterwards the app holds one definition per action of the suite, each pointing
 * at the gateway, and the second run changed nothing.
 */
class ActionDefinitionsEndToEndIT {

    private static final List<String> ACTIONS = List.of("create-invoice", "create-estimate", "create-sales-receipt",
            "create-paid-invoice", "create-payment-sales-receipt", "create-fee-expense", "create-refund-receipt");

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldRegisterTheSevenDefinitionsOnceAndChangeNothingOnASecondRun() throws Exception {
        Run first = register();
        Run second = register();

        assertEquals(0, first.exitCode(), first.output());
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().contains("No change: all 7 action definitions of app 1 are up to date."),
                second.output());

        SuiteHttp.Reply listed = http.get(suite.url(SuiteApp.SANDBOX),
                "/automation/v4/actions/1?hapikey=sandbox-developer-key");
        assertEquals(200, listed.status(), listed.raw());
        for (String action : ACTIONS) {
            String url = http.actionUrl(action);
            List<JsonNode> matching = new ArrayList<>();
            listed.body().path("results").forEach(d -> {
                if (d.path("actionUrl").asText().equals(url)) {
                    matching.add(d);
                }
            });
            assertEquals(1, matching.size(), action + " registered once");
            JsonNode definition = matching.get(0);
            assertTrue(definition.path("published").asBoolean(), action);
            assertTrue(definition.path("inputFields").get(0).path("typeDefinition").path("optionsUrl").asText()
                    .startsWith(suite.url(SuiteApp.GATEWAY).toString().replaceAll("/+$", "") + "/hubspot/options/"),
                    action + " options come from the gateway");
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run register() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("ledgerbridge.repo-root", "..")).toAbsolutePath().normalize();
        Path module = root.resolve("hubspot-actions/target");
        assertTrue(Files.isDirectory(module.resolve("lib")), "package hubspot-actions first: " + module);
        URI gateway = suite.url(SuiteApp.GATEWAY);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", module.resolve("classes") + File.pathSeparator + module.resolve("lib") + "/*",
                "dev.ledgerbridge.actions.RegisterActions", "--app-id", "1",
                "--base-url", gateway.toString(), "--hubspot-url", suite.url(SuiteApp.SANDBOX).toString(),
                "--developer-api-key", "sandbox-developer-key")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the register command ended");
        return new Run(process.exitValue(), output);
    }
}
