package dev.ledgerbridge.k8s;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deployment rules of issue 9 that a schema cannot express: hardened, sized and probed containers, an HPA and
 * a PDB per Deployment, a NetworkPolicy per workload, the gateway as the only Ingress backend, no secret values.
 */
final class ManifestPolicies {

    /** The only workload HubSpot may reach from outside the cluster. */
    static final String PUBLIC_SERVICE = "gateway";

    private ManifestPolicies() {
    }

    /** Every violation in one rendered overlay; empty when it complies. */
    static List<String> check(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        List<JsonNode> deployments = ofKind(objects, "Deployment");
        if (deployments.isEmpty()) {
            violations.add("the overlay renders no Deployment");
        }
        for (JsonNode deployment : deployments) {
            checkPod(deployment, violations);
            checkScaledAndProtected(deployment, objects, violations);
        }
        for (JsonNode ingress : ofKind(objects, "Ingress")) {
            checkIngress(ingress, violations);
        }
        for (JsonNode secret : ofKind(objects, "Secret")) {
            if (secret.has("data") || secret.has("stringData")) {
                violations.add(Kustomize.id(secret) + ": carries values; secrets are created in the cluster, never committed");
            }
        }
        for (JsonNode account : ofKind(objects, "ServiceAccount")) {
            if (account.path("automountServiceAccountToken").asBoolean(true)) {
                violations.add(Kustomize.id(account) + ": mounts an API token the services never use");
            }
        }
        return violations;
    }

    private static void checkPod(JsonNode deployment, List<String> violations) {
        String id = Kustomize.id(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        pod.path("initContainers").forEach(containers::add);
        if (containers.isEmpty()) {
            violations.add(id + ": no containers");
        }
        for (JsonNode c : containers) {
            String where = id + " container " + c.path("name").asText();
            for (String kind : List.of("limits", "requests")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (c.path("resources").path(kind).path(resource).isMissingNode()) {
                        violations.add(where + ": no " + resource + " " + kind);
                    }
                }
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (!c.has(probe)) {
                    violations.add(where + ": no " + probe);
                }
            }
            JsonNode security = c.path("securityContext");
            if (!security.path("runAsNonRoot").asBoolean(podNonRoot)) {
                violations.add(where + ": may run as root (runAsNonRoot is not true)");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(where + ": root filesystem is writable");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(where + ": allows privilege escalation");
            }
            boolean dropsAll = false;
            for (JsonNode cap : security.path("capabilities").path("drop")) {
                dropsAll |= "ALL".equals(cap.asText());
            }
            if (!dropsAll) {
                violations.add(where + ": does not drop ALL capabilities");
            }
        }
    }

    private static void checkScaledAndProtected(JsonNode deployment, List<JsonNode> objects, List<String> violations) {
        String name = deployment.path("metadata").path("name").asText();
        String namespace = deployment.path("metadata").path("namespace").asText();
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        boolean scaled = ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(h -> sameNamespace(h, namespace))
                .map(h -> h.path("spec").path("scaleTargetRef"))
                .anyMatch(t -> "Deployment".equals(t.path("kind").asText()) && name.equals(t.path("name").asText()));
        if (!scaled) {
            violations.add(Kustomize.id(deployment) + ": no HorizontalPodAutoscaler targets it");
        }
        boolean protectedByPdb = ofKind(objects, "PodDisruptionBudget").stream()
                .filter(p -> sameNamespace(p, namespace))
                .anyMatch(p -> selects(p.path("spec").path("selector"), podLabels));
        if (!protectedByPdb) {
            violations.add(Kustomize.id(deployment) + ": no PodDisruptionBudget selects its pods");
        }
        boolean isolated = ofKind(objects, "NetworkPolicy").stream()
                .filter(n -> sameNamespace(n, namespace))
                .filter(n -> n.path("spec").path("podSelector").path("matchLabels").size() > 0)
                .anyMatch(n -> selects(n.path("spec").path("podSelector"), podLabels));
        if (!isolated) {
            violations.add(Kustomize.id(deployment) + ": no NetworkPolicy of its own says who may reach it");
        }
    }

    private static void checkIngress(JsonNode ingress, List<String> violations) {
        List<String> backends = new ArrayList<>();
        if (ingress.path("spec").path("defaultBackend").has("service")) {
            backends.add(ingress.path("spec").path("defaultBackend").path("service").path("name").asText());
        }
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                backends.add(path.path("backend").path("service").path("name").asText());
            }
        }
        for (String backend : backends) {
            if (!PUBLIC_SERVICE.equals(backend)) {
                violations.add(Kustomize.id(ingress) + ": exposes " + backend + "; only the gateway is public");
            }
        }
    }

    private static boolean sameNamespace(JsonNode object, String namespace) {
        return namespace.equals(object.path("metadata").path("namespace").asText());
    }

    /** matchLabels only (what our manifests use); a selector with matchExpressions never counts as a match. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.has("matchExpressions") || selector.path("matchLabels").isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The workloads every overlay must deploy (the sandbox is a local tool, never deployed). */
    static final Set<String> SERVICES = Set.of("gateway", "contact-sync-service", "product-catalog-service",
            "document-service", "payments-bridge-service");
}
