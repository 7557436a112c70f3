package dev.ledgerbridge.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, validates strictly against the Kubernetes 1.32 schemas and follows the deployment rules. */
class OverlaysTest {

    private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    /** A fresh copy of the overlay's objects (rendered once per run: kubectl is the slow part). */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Kustomize.render(Path.of("overlays", o))).stream()
                .map(n -> (JsonNode) n.deepCopy()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRenderOnlyObjectsTheKubernetesApiAccepts(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<String> errors = new ArrayList<>();
        objects.forEach(o -> errors.addAll(SCHEMAS.validate(o)));
        assertEquals(List.of(), errors, overlay + " does not validate against Kubernetes " + KubernetesSchemas.VERSION_DIR);
        assertTrue(objects.size() > 30, overlay + " rendered only " + objects.size() + " objects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldFollowTheDeploymentPolicies(String overlay) {
        assertEquals(List.of(), ManifestPolicies.check(render(overlay)), overlay + " breaks the deployment policies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldDeployEveryServiceButNotTheSandbox(String overlay) {
        Set<String> deployed = ManifestPolicies.ofKind(render(overlay), "Deployment").stream()
                .map(d -> d.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
        assertEquals(ManifestPolicies.SERVICES, deployed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldReferenceSecretsWithoutCarryingThem(String overlay) {
        List<JsonNode> objects = render(overlay);
        assertEquals(List.of(), ManifestPolicies.ofKind(objects, "Secret"), "secrets are created in the cluster");
        for (JsonNode deployment : ManifestPolicies.ofKind(objects, "Deployment")) {
            JsonNode env = deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env");
            // The database password and the OIDC client secret (issue 8) come from Secrets, never from a value.
            for (String secret : List.of("DB_PASSWORD", "OIDC_CLIENT_SECRET")) {
                JsonNode variable = null;
                for (JsonNode e : env) {
                    if (secret.equals(e.path("name").asText())) {
                        variable = e;
                    }
                }
                assertTrue(variable != null && variable.path("valueFrom").has("secretKeyRef") && !variable.has("value"),
                        Kustomize.id(deployment) + " must read " + secret + " from a Secret");
            }
        }
    }

    @Test
    void shouldScaleTheProductionGatewayOnInFlightActionsToo() {
        JsonNode hpa = ManifestPolicies.ofKind(render("prod"), "HorizontalPodAutoscaler").stream()
                .filter(h -> "gateway".equals(h.path("metadata").path("name").asText()))
                .findFirst().orElseThrow();
        List<String> metrics = new ArrayList<>();
        hpa.path("spec").path("metrics").forEach(m -> metrics.add(m.path("type").asText() + ":"
                + m.path("resource").path("name").asText(m.path("pods").path("metric").path("name").asText())));
        assertEquals(List.of("Resource:cpu", "Pods:ledgerbridge_actions_in_flight"), metrics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRollOutWithoutDroppingCapacity(String overlay) {
        for (JsonNode deployment : ManifestPolicies.ofKind(render(overlay), "Deployment")) {
            JsonNode rolling = deployment.path("spec").path("strategy").path("rollingUpdate");
            assertEquals(0, rolling.path("maxUnavailable").asInt(-1), Kustomize.id(deployment));
            assertTrue(deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds")
                    .asInt() > 30, Kustomize.id(deployment) + " must outlast quarkus.shutdown.timeout (30s)");
        }
    }
}
