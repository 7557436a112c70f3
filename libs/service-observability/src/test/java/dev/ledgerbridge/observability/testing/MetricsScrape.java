package dev.ledgerbridge.observability.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /q/metrics} (Prometheus text), read by metric name and labels; every service's metrics tests
 * use it (this module's test-jar).
 */
public final class MetricsScrape {

    // Greedy up to the last "}": label values such as endpoint="/crm/v3/objects/{type}/{id}" contain braces.
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    /** Reads the running application's {@code /q/metrics} (rest-assured's default base URI and port). */
    public static MetricsScrape now() {
        return new MetricsScrape(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** True when a sample of the metric exists (any labels). */
    public boolean has(String name) {
        return value(name, Map.of()) != null;
    }

    /** Sum of the samples of {@code name} whose labels include all of {@code labels}; null when there is none. */
    public Double value(String name, Map<String, String> labels) {
        Double sum = null;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String labelText = m.group(3) == null ? "" : m.group(3);
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                sum = (sum == null ? 0 : sum) + Double.parseDouble(m.group(4));
            }
        }
        return sum;
    }

    /** {@link #value} with 0 for a metric not registered yet (a counter before its first increment). */
    public double count(String name, Map<String, String> labels) {
        Double value = value(name, labels);
        return value == null ? 0 : value;
    }

    @Override
    public String toString() {
        return text;
    }
}
