package dev.ledgerbridge.sandbox.admin;

import java.util.regex.Pattern;

/**
 * Classifies a request path by vendor (hubspot, qbo, oauth) and reduces it to an endpoint template such as
 * {@code GET /crm/v3/objects/deals/{id}} or {@code GET /v3/company/{realmId}/query}. Works on the raw path,
 * so requests refused before routing (injected faults, 404s) are counted under the same name.
 */
public final class VendorPaths {

    public static final String HUBSPOT = "hubspot";
    public static final String QBO = "qbo";
    public static final String OAUTH = "oauth";

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}");

    private VendorPaths() {
    }

    /** The vendor a path belongs to, or null for sandbox-only and framework paths (not counted). */
    public static String vendor(String path) {
        if (path.startsWith("/crm/") || path.startsWith("/automation/")) {
            return HUBSPOT;
        }
        if (path.startsWith("/v3/company/")) {
            return QBO;
        }
        if (path.startsWith("/oauth/") || path.startsWith("/oauth2/") || path.startsWith("/connect/oauth2")
                || path.startsWith("/v2/oauth2/")) {
            return OAUTH;
        }
        return null;
    }

    /** True when errors on this path must use HubSpot's JSON error body; false means QBO's Fault. */
    public static boolean speaksHubSpot(String path) {
        return path.startsWith("/crm/") || path.startsWith("/automation/") || path.startsWith("/oauth/");
    }

    /** Reads are GETs plus POSTs that only read (batch read, search, QBO query). */
    public static boolean isRead(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        return "POST".equals(method) && (path.endsWith("/batch/read") || path.endsWith("/search")
                || path.endsWith("/query") || path.endsWith("/cdc"));
    }

    public static String template(String path) {
        String[] s = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        boolean qbo = path.startsWith("/v3/company/");
        boolean actions = path.startsWith("/automation/v4/actions/");
        boolean tokens = path.startsWith("/oauth/v1/access-tokens/") || path.startsWith("/oauth/v1/refresh-tokens/");
        for (int i = 1; i < s.length; i++) {
            String seg = s[i];
            String name = seg;
            if (qbo && i == 3) {
                name = "{realmId}";
            } else if (actions && i == 4 && DIGITS.matcher(seg).matches()) {
                name = "{appId}";
            } else if (actions && i == 5 && DIGITS.matcher(seg).matches()) {
                name = "{definitionId}";
            } else if (actions && i == 5 && "callbacks".equals(s[4]) && !"complete".equals(seg)) {
                name = "{callbackId}";
            } else if (tokens && i == 4) {
                name = "{token}";
            } else if (DIGITS.matcher(seg).matches() || UUID_LIKE.matcher(seg).matches()) {
                name = "{id}";
            }
            out.append('/').append(name);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
