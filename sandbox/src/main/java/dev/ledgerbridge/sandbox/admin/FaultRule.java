package dev.ledgerbridge.sandbox.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One fault-injection rule. Shares are probabilities in [0, 1] drawn from the seeded generator.
 *
 * @param vendor            hubspot, qbo or oauth; null or "*" for all
 * @param endpoint          optional glob ({@code *} = anything) matched against "METHOD /template", the template
 *                          and the raw path, e.g. {@code GET /crm/v3/objects/deals/{id}} or {@code /v3/company/*}
 * @param share429          share of requests answered 429
 * @param share5xx          share of requests answered with {@code status5xx}
 * @param status5xx         the server error status to use (default 503)
 * @param latencyMs         latency added to a request
 * @param latencyShare      share of requests that get the latency (default 1 when latencyMs is set)
 * @param dropShare         share of requests whose connection is closed without an answer
 * @param retryAfterSeconds Retry-After header on injected 429s (none when null)
 * @param times             retire the rule after this many injected errors/drops (unlimited when null)
 * @param forSeconds        retire the rule this many seconds after the rules were set (unlimited when null), e.g.
 *                          QBO throttled at 100% for 10 s
 */
@RegisterForReflection // nested in FaultSettings and echoed inside untyped Map views
public record FaultRule(String vendor, String endpoint, Double share429, Double share5xx, Integer status5xx,
                        Long latencyMs, Double latencyShare, Double dropShare, Integer retryAfterSeconds, Integer times,
                        Double forSeconds) {
}
