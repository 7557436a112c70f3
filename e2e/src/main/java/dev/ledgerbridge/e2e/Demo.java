package dev.ledgerbridge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's main job, end to end: starts the sandbox and the services, lets the sandbox's workflow engine run
 * "Create QuickBooks invoice" for the demo deal exactly as HubSpot would, prints every vendor call as it happens
 * and the invoice QuickBooks now holds, then delivers the same execution again to show nothing new is created.
 */
public final class Demo {

    private static final String DEMO_DEAL = "301";
    private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(60);

    private Demo() {
    }

    public static void main(String[] args) {
        boolean keepRunning = false;
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (String arg : args) {
            if (arg.equals("--keep-running")) {
                keepRunning = true;
            } else if (arg.startsWith("--repo=")) {
                root = Path.of(arg.substring("--repo=".length())).toAbsolutePath().normalize();
            } else {
                System.err.println("usage: Demo [--keep-running] [--repo=<repository root>]");
                System.exit(2);
            }
        }
        long started = System.nanoTime();
        heading("Starting the sandbox (HubSpot + QuickBooks Online) and the five services");
        // The sandbox starts empty, so the services' databases start empty too (links to a previous sandbox's
        // customers would point nowhere).
        var options = new SuiteLauncher.Options(root, true, "", true, root.resolve(".demo/logs"), Map.of());
        SuiteLauncher suite = SuiteLauncher.start(options, line -> System.out.println("  " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
        try {
            int code = run(suite);
            System.out.printf("%nDemo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
            if (code == 0 && keepRunning) {
                printUrls(suite);
                Thread.currentThread().join();
            }
            System.exit(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            suite.close();
        }
    }

    private static int run(SuiteLauncher suite) {
        SuiteHttp http = new SuiteHttp(suite.url(SuiteApp.SANDBOX), suite.url(SuiteApp.GATEWAY))
                .withServices(List.of(suite.url(SuiteApp.CONTACT_SYNC), suite.url(SuiteApp.PRODUCT_CATALOG), suite.url(SuiteApp.DOCUMENT), suite.url(SuiteApp.PAYMENTS_BRIDGE)));

        heading("Connecting the QuickBooks companies and the HubSpot portal (OAuth authorization-code flows)");
        for (String realm : new String[] {SuiteHttp.US_REALM, SuiteHttp.CANADIAN_REALM}) {
            SuiteHttp.Reply reply = http.connectCompany(realm);
            if (reply.status() / 100 != 2) {
                return fail("connecting company " + realm + " failed: " + reply.status() + " " + reply.raw());
            }
            System.out.printf("  %s %-22s country %s%n", realm, text(reply.body(), "companyName"), text(reply.body(), "country"));
        }
        SuiteHttp.Reply portal = http.installHubSpotApp();
        if (portal.status() / 100 != 2) {
            return fail("installing the HubSpot app failed: " + portal.status() + " " + portal.raw());
        }
        System.out.printf("  HubSpot portal %s %s%n", text(portal.body(), "portalId"), text(portal.body(), "hubDomain"));

        heading("HubSpot enrolls deal " + DEMO_DEAL + " into the workflow action \"Create QuickBooks invoice\"");
        Map<String, Object> enrollment = new LinkedHashMap<>();
        enrollment.put("actionUrl", http.actionUrl("create-invoice"));
        enrollment.put("objectType", "DEAL");
        enrollment.put("objectId", DEMO_DEAL);
        enrollment.put("inputFields", Map.of("quickbooks_company", SuiteHttp.US_REALM, "payment_terms", "Net 30"));
        SuiteHttp.Reply enrolled = http.enroll(enrollment);
        if (enrolled.status() != 202) {
            return fail("the workflow engine refused the enrollment: " + enrolled.status() + " " + enrolled.raw());
        }
        String callbackId = text(enrolled.body(), "callbackId");
        System.out.println("  callbackId " + callbackId + " (signed POST to " + http.actionUrl("create-invoice") + ")");

        heading("Vendor calls made for this execution, as they happen");
        JsonNode execution = followExecution(http, callbackId);
        if (execution == null) {
            return fail("the execution did not finish within " + EXECUTION_TIMEOUT.toSeconds() + " s");
        }
        JsonNode output = execution.path("outputFields");
        heading("HubSpot received");
        output.fields().forEachRemaining(f -> System.out.printf("  %-22s %s%n", f.getKey(), f.getValue().asText()));
        if (!"SUCCESS".equals(output.path("hs_execution_state").asText())) {
            return fail("the action did not succeed: " + output);
        }

        String invoiceId = output.path("qbo_document_id").asText();
        heading("The invoice QuickBooks Online now holds");
        JsonNode invoice = http.qboQuery(SuiteHttp.US_REALM, "select * from Invoice where Id = '" + invoiceId + "'")
                .body().path("QueryResponse").path("Invoice").path(0);
        printInvoice(invoice);
        long invoicesBefore = invoiceCount(http);

        heading("HubSpot delivers the same execution again (a retry)");
        SuiteHttp.Reply redelivered = http.redeliver(callbackId);
        if (redelivered.status() != 202) {
            return fail("the workflow engine refused the second delivery: " + redelivered.status() + " " + redelivered.raw());
        }
        JsonNode answer = awaitDeliveryAnswer(http, callbackId, 2);
        if (answer == null) {
            return fail("the second delivery got no answer within " + EXECUTION_TIMEOUT.toSeconds() + " s");
        }
        long invoicesAfter = invoiceCount(http);
        long vendorCalls = http.callsFor(callbackId).body().path("total").asLong();
        System.out.printf("  the gateway answered %s again with invoice %s (replayed from its journal)%n",
                answer.path("outputFields").path("hs_execution_state").asText(),
                answer.path("outputFields").path("qbo_document_id").asText());
        System.out.printf("  invoices in QuickBooks: before %d, after %d; vendor calls for this execution: still %d: %s%n",
                invoicesBefore, invoicesAfter, vendorCalls,
                invoicesAfter == invoicesBefore ? "nothing new was created" : "DUPLICATE!");
        return invoicesAfter == invoicesBefore ? 0 : fail("a duplicate invoice was created");
    }

    private static JsonNode followExecution(SuiteHttp http, String callbackId) {
        long deadline = System.nanoTime() + EXECUTION_TIMEOUT.toNanos();
        int printed = 0;
        while (System.nanoTime() < deadline) {
            JsonNode calls = http.callsFor(callbackId).body().path("calls");
            for (; printed < calls.size(); printed++) {
                JsonNode call = calls.get(printed);
                System.out.printf("  %-24s -> %-8s %-6s %-48s %s%n", ownerOf(call), call.path("vendor").asText(),
                        call.path("method").asText(), call.path("endpoint").asText().replaceFirst("^[A-Z]+ ", ""),
                        call.path("detail").asText(""));
            }
            JsonNode execution = http.execution(callbackId).body();
            String state = execution.path("state").asText();
            if (!state.equals("RUNNING") && !state.equals("BLOCKED")) {
                return execution;
            }
            pause();
        }
        return null;
    }

    /** Waits for delivery number {@code delivery} of an execution to be answered and returns that answer's body. */
    private static JsonNode awaitDeliveryAnswer(SuiteHttp http, String callbackId, int delivery) {
        long deadline = System.nanoTime() + EXECUTION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode execution = http.execution(callbackId).body();
            if (execution.path("deliveryOutcomes").has(String.valueOf(delivery))) {
                for (JsonNode attempt : execution.path("attempts")) {
                    if (attempt.path("delivery").asInt() == delivery && attempt.path("status").asInt() / 100 == 2) {
                        return SuiteHttp.parse(attempt.path("responseBody").asText());
                    }
                }
            }
            pause();
        }
        return null;
    }

    /** Which service made a vendor call: each kind of QBO write and read has exactly one owner (architecture.md). */
    private static String ownerOf(JsonNode call) {
        String endpoint = call.path("endpoint").asText();
        String detail = call.path("detail").asText("");
        if (!"qbo".equals(call.path("vendor").asText())) {
            return "gateway";
        }
        if (endpoint.contains("/customer") || detail.contains("Customer")) {
            return "contact-sync-service";
        }
        if (endpoint.contains("/item") || detail.contains("Item")) {
            return "product-catalog-service";
        }
        if (endpoint.contains("/companyinfo")) {
            return "gateway";
        }
        return "document-service";
    }

    private static void printInvoice(JsonNode invoice) {
        System.out.printf("  Invoice %s (QBO Id %s), customer %s, date %s, due %s%n", invoice.path("DocNumber").asText(),
                invoice.path("Id").asText(), invoice.path("CustomerRef").path("name").asText(invoice.path("CustomerRef").path("value").asText()),
                invoice.path("TxnDate").asText(), invoice.path("DueDate").asText());
        for (JsonNode line : invoice.path("Line")) {
            JsonNode detail = line.path("SalesItemLineDetail");
            if (detail.isMissingNode()) {
                continue;
            }
            System.out.printf("    %-28s %6s x %10s = %10s%n", detail.path("ItemRef").path("name").asText(line.path("Description").asText()),
                    detail.path("Qty").decimalValue().stripTrailingZeros().toPlainString(),
                    detail.path("UnitPrice").decimalValue().setScale(2).toPlainString(),
                    line.path("Amount").decimalValue().setScale(2).toPlainString());
        }
        BigDecimal total = invoice.path("TotalAmt").decimalValue();
        System.out.printf("    %-28s %32s%n", "Total", total.setScale(2).toPlainString());
        System.out.println("  PrivateNote: " + invoice.path("PrivateNote").asText());
    }

    private static long invoiceCount(SuiteHttp http) {
        return http.qboQuery(SuiteHttp.US_REALM, "select count(*) from Invoice").body()
                .path("QueryResponse").path("totalCount").asLong();
    }

    private static void printUrls(SuiteLauncher suite) {
        heading("Everything keeps running (--keep-running); Ctrl-C stops it");
        for (SuiteApp app : SuiteApp.values()) {
            String ui = app == SuiteApp.SANDBOX ? "" : "  OpenAPI UI " + suite.url(app) + "/q/swagger-ui";
            System.out.printf("  %-24s %s%s%n", app.module(), suite.url(app), ui);
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null ? "" : node.path(field).asText();
    }

    private static int fail(String message) {
        System.out.println("\nDEMO FAILED: " + message);
        return 1;
    }

    private static void heading(String text) {
        System.out.println("\n== " + text);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
