package cm.vigie.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders each overlay of k8s/ and applies the deployment rules to what the cluster would receive. */
class OverlaysTest {

    static final Path K8S = Path.of(System.getProperty("vigie.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    static final Set<String> COMPONENTS = Set.of("accounts-service", "watch-service", "plan-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayPassesTheDeploymentRules(String overlay) {
        Manifests manifests = render(overlay);
        List<String> problems = ManifestChecker.check(manifests, new SourceIndex(K8S, "k8s/"),
                ExternalReferences.load("/external-references.yaml"));
        assertTrue(problems.isEmpty(), () -> "k8s/overlays/" + overlay + " breaks " + problems.size() + " rule(s):\n  "
                + String.join("\n  ", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayHoldsTheWholePlatform(String overlay) {
        Manifests manifests = render(overlay);
        assertEquals(COMPONENTS, manifests.ofType(Deployment.class).map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(COMPONENTS, manifests.ofType(HorizontalPodAutoscaler.class).map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(COMPONENTS, manifests.ofType(PodDisruptionBudget.class).map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(2, manifests.custom("postgresql.cnpg.io", "Cluster").count(), "CloudNativePG clusters vigie-pg and keycloak-pg");
        assertEquals(3, manifests.custom("postgresql.cnpg.io", "Database").count(), "one database per service");
        assertEquals(1, manifests.custom("k8s.keycloak.org", "Keycloak").count());
        assertEquals(1, manifests.custom("k8s.keycloak.org", "KeycloakRealmImport").count());
        assertEquals(1, manifests.custom("cert-manager.io", "Certificate").count());
        assertTrue(manifests.custom("monitoring.coreos.com", "PrometheusRule").count() >= 1);
        Set<String> alerts = manifests.custom("monitoring.coreos.com", "PrometheusRule")
                .flatMap(rule -> ((List<?>) ((Map<?, ?>) rule.getAdditionalProperties().get("spec")).get("groups")).stream())
                .flatMap(group -> ((List<?>) ((Map<?, ?>) group).get("rules")).stream())
                .map(r -> (String) ((Map<?, ?>) r).get("alert")).filter(Objects::nonNull).collect(Collectors.toSet());
        assertTrue(alerts.containsAll(Set.of("VigieHighErrorRate", "VigieHighLatency", "VigieAlertDeliveryBacklog")),
                () -> "alerts on error rate, latency and alert-delivery backlog, got " + alerts);
        assertTrue(manifests.resources().stream().noneMatch(r -> "Secret".equals(r.getKind())),
                "no Secret in the repository: they come from outside (docs/operations.md)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayCarriesNoClearPassword(String overlay) {
        String rendered = Kustomize.render(K8S.resolve("overlays").resolve(overlay));
        // a field whose name ends in "password" or "secret" holding a value (not a reference to a Secret)
        Pattern clear = Pattern.compile("^\\s*(-\\s*)?[\\w.-]*(password|secret)\\s*:\\s*[^\\s{\\[].*$", Pattern.CASE_INSENSITIVE);
        rendered.lines().filter(line -> clear.matcher(line).matches()).findFirst().ifPresent(line ->
                fail("k8s/overlays/" + overlay + " holds what looks like a clear secret: " + line.strip()));
        render(overlay).ofType(Deployment.class).forEach(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers()
                .forEach(container -> container.getEnv().stream()
                        .filter(env -> env.getName().matches(".*(PASSWORD|SECRET|_KEY)$") && env.getValue() != null)
                        .forEach(env -> fail("Deployment " + deployment.getMetadata().getName() + ": env " + env.getName()
                                + " has a literal value: read it from a Secret (valueFrom.secretKeyRef)"))));
    }

    static Manifests render(String overlay) {
        return Manifests.parse(Kustomize.render(K8S.resolve("overlays").resolve(overlay)));
    }
}
