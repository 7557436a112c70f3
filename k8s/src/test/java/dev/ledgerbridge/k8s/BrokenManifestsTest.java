package dev.ledgerbridge.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The checks catch what they are for: overlays in src/test/broken-overlays patch the real base into bad shapes. */
class BrokenManifestsTest {

    private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    private static List<JsonNode> renderBroken(String name) {
        return Kustomize.render(Path.of("src/test/broken-overlays", name));
    }

    private static List<String> schemaErrors(List<JsonNode> objects) {
        List<String> errors = new ArrayList<>();
        objects.forEach(o -> errors.addAll(SCHEMAS.validate(o)));
        return errors;
    }

    @Test
    void shouldRejectAnUnknownField() {
        List<String> errors = schemaErrors(renderBroken("unknown-field"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Deployment/document-service") && errors.get(0).contains("cpuLimit"),
                errors.get(0));
    }

    @Test
    void shouldRejectAContainerWithoutLimits() {
        List<JsonNode> objects = renderBroken("missing-limits");
        assertEquals(List.of(), schemaErrors(objects), "the schema allows a container without limits");
        assertEquals(List.of("Deployment/contact-sync-service container contact-sync-service: no cpu limits",
                "Deployment/contact-sync-service container contact-sync-service: no memory limits"),
                ManifestPolicies.check(objects));
    }

    @Test
    void shouldRejectAnIngressToAnInternalService() {
        List<String> violations = ManifestPolicies.check(renderBroken("public-catalog"));
        assertEquals(List.of("Ingress/product-catalog-service: exposes product-catalog-service; only the gateway is public"),
                violations);
    }

    @Test
    void shouldRejectADeploymentWithoutAutoscalerOrProbe() {
        List<JsonNode> objects = new ArrayList<>(OverlaysTest.render("dev"));
        objects.removeIf(o -> "HorizontalPodAutoscaler".equals(o.path("kind").asText())
                && "document-service".equals(o.path("metadata").path("name").asText()));
        JsonNode gateway = ManifestPolicies.ofKind(objects, "Deployment").stream()
                .filter(d -> "gateway".equals(d.path("metadata").path("name").asText())).findFirst().orElseThrow();
        ((ObjectNode) gateway.path("spec").path("template").path("spec").path("containers").get(0)).remove("startupProbe");
        assertEquals(List.of("Deployment/document-service: no HorizontalPodAutoscaler targets it",
                "Deployment/gateway container gateway: no startupProbe"),
                ManifestPolicies.check(objects).stream().sorted().toList());
    }

    @Test
    void shouldRejectASecretWithValues() throws Exception {
        List<JsonNode> objects = new ArrayList<>(OverlaysTest.render("dev"));
        objects.addAll(Kustomize.parse("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: gateway-db
                  namespace: ledgerbridge-dev
                stringData:
                  password: hunter2
                """));
        assertEquals(List.of("Secret/gateway-db: carries values; secrets are created in the cluster, never committed"),
                ManifestPolicies.check(objects));
    }

    @Test
    void shouldFailClearlyWhenAKindHasNoSchema() throws Exception {
        List<String> errors = SCHEMAS.validate(Kustomize.parse("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: postgres
                """).get(0));
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).contains("no schema statefulset-apps-v1.json"), errors.get(0));
    }

    @Test
    void shouldFailWhenKustomizeRefusesTheOverlay() {
        AssertionError error = assertThrows(AssertionError.class, () -> Kustomize.render(Path.of("src/test/broken-overlays/does-not-exist")));
        assertTrue(error.getMessage().contains("kubectl kustomize"), error.getMessage());
    }
}
