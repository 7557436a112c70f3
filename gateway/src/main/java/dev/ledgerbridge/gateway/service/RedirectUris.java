package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the callback URLs and the vendors' authorize URLs of the two flows. */
final class RedirectUris {

    private RedirectUris() {
    }

    /**
     * The callback URL: configured, else {@code public-base-url} + path, else the base of the admin request that starts
     * the flow (local runs, where admin and public URLs are the same host).
     */
    static String callback(Optional<String> configured, GatewayConfig config, URI requestBase, String path) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String base = config.publicBaseUrl().orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + path;
    }

    /** {@code page?k=v&...} with every value form-encoded. */
    static String authorizeUrl(String page, Map<String, String> parameters) {
        return page + (page.contains("?") ? "&" : "?") + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
