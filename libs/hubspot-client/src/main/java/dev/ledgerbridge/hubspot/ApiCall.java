package dev.ledgerbridge.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * One HTTP call as the transport sees it: method, already-encoded path, query, body and how to authenticate.
 *
 * @param pathTemplate  path with placeholders, used in logs so ids and keys stay out of them
 * @param query         query parameters in send order; values are encoded by {@link #url(String)}
 * @param secretQuery   query parameters that are credentials (developer {@code hapikey}); never logged
 * @param bearerToken   supplies the access token per attempt, null for unauthenticated calls (OAuth token endpoint)
 * @param retryable     reads: 429 is retried with backoff and a 5xx once; writes are sent once
 */
record ApiCall(HttpMethod method, String path, String pathTemplate, List<Map.Entry<String, String>> query,
        List<Map.Entry<String, String>> secretQuery, byte[] body, String contentType,
        Supplier<Uni<String>> bearerToken, String correlationId, boolean retryable) {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    ApiCall {
        query = List.copyOf(query);
        secretQuery = List.copyOf(secretQuery);
    }

    String url(String root) {
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(secretQuery);
        if (all.isEmpty()) {
            return root + path;
        }
        StringBuilder sb = new StringBuilder(root).append(path).append('?');
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(UriEncoding.queryComponent(all.get(i).getKey())).append('=')
                    .append(UriEncoding.queryComponent(all.get(i).getValue()));
        }
        return sb.toString();
    }

    static Builder builder(HttpMethod method, String pathTemplate, String... segments) {
        return new Builder(method, pathTemplate, segments);
    }

    /** Fills {@code {placeholders}} of a path template with percent-encoded segments, in order. */
    static String expand(String pathTemplate, String... segments) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < pathTemplate.length()) {
            char c = pathTemplate.charAt(i);
            if (c == '{') {
                int end = pathTemplate.indexOf('}', i);
                if (next >= segments.length) {
                    throw new IllegalArgumentException("Missing value for " + pathTemplate.substring(i, end + 1));
                }
                sb.append(UriEncoding.pathSegment(segments[next++]));
                i = end + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        if (next != segments.length) {
            throw new IllegalArgumentException("Too many values for " + pathTemplate);
        }
        return sb.toString();
    }

    /** Assembles an {@link ApiCall}; reads default to retryable. */
    static final class Builder {
        private final HttpMethod method;
        private final String pathTemplate;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> secretQuery = new ArrayList<>();
        private byte[] body;
        private String contentType;
        private Supplier<Uni<String>> bearerToken;
        private String correlationId;
        private boolean retryable;

        private Builder(HttpMethod method, String pathTemplate, String... segments) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.path = expand(pathTemplate, segments);
        }

        Builder query(String name, String value) {
            if (value != null) {
                query.add(Map.entry(name, value));
            }
            return this;
        }

        Builder secretQuery(String name, String value) {
            secretQuery.add(Map.entry(name, value));
            return this;
        }

        Builder body(byte[] body, String contentType) {
            this.body = body;
            this.contentType = contentType;
            return this;
        }

        Builder bearer(Supplier<Uni<String>> bearerToken) {
            this.bearerToken = bearerToken;
            return this;
        }

        Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        ApiCall build() {
            return new ApiCall(method, path, pathTemplate, query, secretQuery, body, contentType, bearerToken,
                    correlationId, retryable);
        }
    }
}
