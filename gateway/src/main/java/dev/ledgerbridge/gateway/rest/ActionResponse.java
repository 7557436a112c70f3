package dev.ledgerbridge.gateway.rest;

import java.util.Map;

/** HubSpot's action response: {@code {"outputFields": {...}}} (domain brief 2.3). */
public record ActionResponse(Map<String, String> outputFields) {
}
