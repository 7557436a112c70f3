package dev.ledgerbridge.sandbox.qbo.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.QboTime;
import java.time.Instant;

/**
 * QBO's two error body shapes: the API's capitalised {@code Fault} and the gateway's lower-case {@code fault}
 * used for 401/403 before a request reaches the API.
 */
final class QboFaultBodies {

    private QboFaultBodies() {
    }

    /** {@code {"Fault":{"Error":[{...}],"type":...},"time":...}}. */
    static ObjectNode fault(QboFault fault, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode faultNode = body.putObject("Fault");
        ObjectNode error = faultNode.putArray("Error").addObject();
        error.put("Message", fault.getMessage());
        error.put("Detail", fault.detail());
        error.put("code", fault.code());
        error.put("element", fault.element() == null ? "" : fault.element());
        faultNode.put("type", fault.type());
        body.put("time", QboTime.responseTime(now));
        return body;
    }

    /** The gateway's 401: lower-case keys, errorCode 003200. */
    static ObjectNode authenticationFailed(String reason) {
        return gateway("message=AuthenticationFailed; errorCode=003200; statusCode=401", "Token expired: " + reason,
                "3200", "AUTHENTICATION");
    }

    /** The gateway's 403 for a token of another company: lower-case keys, errorCode 003100. */
    static ObjectNode authorizationFailed(String realmId) {
        return gateway("message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                "The access token does not grant access to company " + realmId, "3100", "AUTHORIZATION");
    }

    private static ObjectNode gateway(String message, String detail, String code, String type) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode fault = body.putObject("fault");
        ObjectNode error = fault.putArray("error").addObject();
        error.put("message", message);
        error.put("detail", detail);
        error.put("code", code);
        fault.put("type", type);
        return body;
    }

    /** QBO's 429 body; capitalised like API faults, with the gateway's errorCode 003001. */
    static ObjectNode throttled(Instant now, int perSecond, int perMinute) {
        return fault(new QboFault(429, "SystemFault", "003001",
                "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                "Too many requests: this company allows " + perSecond + " requests per second and " + perMinute
                        + " per minute", ""), now);
    }
}
