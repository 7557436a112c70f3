package dev.ledgerbridge.sandbox.admin;

import java.util.List;

/** Body of {@code PUT /_sandbox/faults}: a seed (default 42) and the rules, first match wins. */
public record FaultSettings(Long seed, List<FaultRule> rules) {
}
