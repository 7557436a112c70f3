package dev.ledgerbridge.gateway.rest;

/**
 * {@code POST /admin/v1/preview/customer}: which record's customer to explain.
 *
 * @param realmId       QBO company
 * @param portalId      HubSpot portal of the record
 * @param objectType    {@code DEAL}
 * @param objectId      the deal id
 * @param contactChoice as the action input {@code customer_contact}: null or {@code first}, {@code primary}, or a
 *                      contact id
 */
public record CustomerPreviewRequest(String realmId, Long portalId, String objectType, String objectId,
        String contactChoice) {
}
