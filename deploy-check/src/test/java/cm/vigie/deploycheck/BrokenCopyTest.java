package cm.vigie.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies the real k8s/ to a temporary directory, breaks one thing in it, renders the prod overlay and expects the
 * checks to name the file and the field at fault. The untouched copy must pass, so each failure is the planted one.
 */
class BrokenCopyTest {

    @TempDir
    Path temp;

    @Test
    void untouchedCopyPasses() throws IOException {
        Path k8s = copy();
        assertEquals(List.of(), check(k8s));
    }

    @Test
    void wrongServiceSelector() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("base/watch-service/service.yaml"), "app.kubernetes.io/name: watch-service", "app.kubernetes.io/name: watch");
        assertOnly(check(k8s), "k8s/base/watch-service/service.yaml (Service vigie/watch-service): spec.selector: "
                + "{app.kubernetes.io/name=watch} matches the pod labels of no Deployment in namespace vigie");
    }

    @Test
    void missingSecretReference() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("base/plan-service/deployment.yaml"), "name: vigie-pg-plan", "name: vigie-pg-planning");
        List<String> problems = check(k8s);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/base/plan-service/deployment.yaml (Deployment vigie/plan-service): "
                + "spec.template.spec.containers[plan-service].env[QUARKUS_DATASOURCE_PASSWORD].valueFrom.secretKeyRef.name: "
                + "Secret vigie-pg-planning is neither in the overlay nor declared external")), () -> String.join("\n", problems));
        assertTrue(problems.stream().allMatch(p -> p.contains("vigie-pg-planning")), () -> String.join("\n", problems));
    }

    @Test
    void missingSecretInACustomResource() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("postgres/cluster.yaml"), "name: vigie-pg-watch", "name: vigie-pg-wach");
        assertOnly(check(k8s), "k8s/postgres/cluster.yaml (Cluster vigie/vigie-pg): spec.managed.roles[1].passwordSecret.name: "
                + "Secret vigie-pg-wach is neither in the overlay nor declared external");
    }

    @Test
    void misspeltFieldOfAPublishedCrdSchema() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("edge/certificate.yaml"), "  dnsNames:", "  dnsName:");
        List<String> problems = check(k8s);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/edge/certificate.yaml (Certificate vigie-edge/vigie-tls): spec.dnsName: ")
                && p.contains("third-party/crd-schemas/cert-manager.io/v1/Certificate.json")), () -> String.join("\n", problems));
    }

    @Test
    void wrongTypeInAnHttpRoute() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("edge/routes.yaml"), "          port: 8080\n      timeouts:", "          port: http\n      timeouts:");
        List<String> problems = check(k8s);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/edge/routes.yaml (HTTPRoute vigie/vigie-api): spec.rules[0].backendRefs[0].port: ")),
                () -> String.join("\n", problems));
    }

    @Test
    void alertRuleWithoutExpression() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("monitoring/rules.yaml"), "        - alert: VigieHighErrorRate\n          expr:", "        - alert: VigieHighErrorRate\n          expression:");
        List<String> problems = check(k8s);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/monitoring/rules.yaml (PrometheusRule vigie/vigie): spec.groups[0].rules[2]")
                && p.contains("expr")), () -> String.join("\n", problems));
    }

    @Test
    void structuralChecksOfCloudNativePgAndKeycloak() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("postgres/scheduled-backup.yaml"), "backupOwnerReference: self", "backupOwnerReference: myself");
        replace(k8s.resolve("keycloak/keycloak.yaml"), "    headers: xforwarded", "    header: xforwarded");
        List<String> problems = check(k8s);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/postgres/scheduled-backup.yaml (ScheduledBackup vigie/vigie-pg-nightly): spec.backupOwnerReference: ")),
                () -> String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("k8s/keycloak/keycloak.yaml (Keycloak vigie/keycloak): spec.proxy.header: ")),
                () -> String.join("\n", problems));
    }

    private Path copy() throws IOException {
        Path target = temp.resolve("k8s");
        try (Stream<Path> paths = Files.walk(OverlaysTest.K8S)) {
            for (Path source : paths.toList()) {
                Path destination = target.resolve(OverlaysTest.K8S.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = before.replace(from, to);
        assertNotEquals(before, after, () -> "the fault was not planted: '" + from + "' is not in " + file);
        Files.writeString(file, after, StandardCharsets.UTF_8);
    }

    private static List<String> check(Path k8s) {
        return ManifestChecker.check(Manifests.parse(Kustomize.render(k8s.resolve("overlays/prod"))), new SourceIndex(k8s, "k8s/"),
                ExternalReferences.load("/external-references.yaml"));
    }

    private static void assertOnly(List<String> problems, String expected) {
        assertEquals(List.of(expected), problems.stream().map(p -> p.startsWith(expected) ? expected : p).toList());
    }
}
