package dev.ledgerbridge.sandbox.admin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorPathsTest {

    @Test
    void shouldNameEndpointsByTemplate() {
        assertEquals("/crm/v3/objects/deals/{id}", VendorPaths.template("/crm/v3/objects/deals/301"));
        assertEquals("/v3/company/{realmId}/query", VendorPaths.template("/v3/company/9130350000000001/query"));
        assertEquals("/v3/company/{realmId}/invoice/{id}", VendorPaths.template("/v3/company/9130350000000001/invoice/145"));
        assertEquals("/crm/v4/objects/deals/{id}/associations/contacts", VendorPaths.template("/crm/v4/objects/deals/301/associations/contacts"));
        assertEquals("/automation/v4/actions/{appId}/{definitionId}", VendorPaths.template("/automation/v4/actions/1/1000001"));
        assertEquals("/automation/v4/actions/callbacks/{callbackId}/complete",
                VendorPaths.template("/automation/v4/actions/callbacks/ap-40213377-88000000001-1-0/complete"));
        assertEquals("/automation/v4/actions/callbacks/complete", VendorPaths.template("/automation/v4/actions/callbacks/complete"));
        assertEquals("/oauth/v1/access-tokens/{token}", VendorPaths.template("/oauth/v1/access-tokens/sbx-hs-at-x"));
    }

    @Test
    void shouldClassifyVendorsAndReads() {
        assertEquals("hubspot", VendorPaths.vendor("/crm/v3/objects/deals/301"));
        assertEquals("qbo", VendorPaths.vendor("/v3/company/1/query"));
        assertEquals("oauth", VendorPaths.vendor("/oauth2/v1/tokens/bearer"));
        assertEquals("oauth", VendorPaths.vendor("/oauth/v1/token"));
        assertNull(VendorPaths.vendor("/_sandbox/stats"));
        assertNull(VendorPaths.vendor("/q/health"));
        assertTrue(VendorPaths.isRead("POST", "/crm/v3/objects/line_items/batch/read"));
        assertTrue(VendorPaths.isRead("POST", "/v3/company/1/query"));
        assertFalse(VendorPaths.isRead("POST", "/v3/company/1/invoice"));
        assertFalse(VendorPaths.speaksHubSpot("/connect/oauth2"));
    }
}
