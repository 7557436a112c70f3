package dev.ledgerbridge.sandbox.workflow;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /_sandbox/workflows/enroll}: which action (a registered definition, or a bare URL),
 * which record, the input field values, and optionally a fixed callback id and duplicate deliveries.
 *
 * @param definitionId         id of a registered action definition (its actionUrl and objectRequestOptions apply)
 * @param actionUrl            URL to call when no definition is given (or to override the definition's)
 * @param objectType           DEAL, QUOTE, COMMERCE_PAYMENT, CONTACT, LINE_ITEM, PRODUCT (or 0-3 style ids)
 * @param objectId             id of the enrolled record
 * @param inputFields          values of the action's input fields; sent as strings, as HubSpot does
 * @param objectProperties     record properties to send when no definition is given
 * @param callbackId           fixed callback id (default: generated {@code ap-<portal>-<n>-<n>-0})
 * @param deliveries           how many times the same request is delivered (default 1)
 * @param concurrentDeliveries deliver all copies at once instead of one after the other
 * @param workflowId           workflow id in the request context (default from configuration)
 */
public record EnrollRequest(String definitionId, String actionUrl, String objectType, String objectId,
                            Map<String, Object> inputFields, List<String> objectProperties, String callbackId,
                            Integer deliveries, Boolean concurrentDeliveries, Long workflowId) {
}
