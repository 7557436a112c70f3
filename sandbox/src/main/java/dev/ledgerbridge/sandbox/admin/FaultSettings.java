package dev.ledgerbridge.sandbox.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Body of {@code PUT /_sandbox/faults}: a seed (default 42) and the rules, first match wins. */
@RegisterForReflection // read from the request body and echoed inside untyped Map views
public record FaultSettings(Long seed, List<FaultRule> rules) {
}
