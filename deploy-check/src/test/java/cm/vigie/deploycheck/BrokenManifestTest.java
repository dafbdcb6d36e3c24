package cm.vigie.deploycheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks catch a wrong selector and a missing Secret, and say which file and which field. */
class BrokenManifestTest {

    @Test
    void wrongSelectorAndMissingSecretAreReportedWithFileAndField() throws URISyntaxException {
        Path broken = Path.of(BrokenManifestTest.class.getResource("/broken").toURI());
        List<String> problems = ManifestChecker.check(Manifests.parse(Kustomize.render(broken)),
                new SourceIndex(broken, "broken/"), ExternalReferences.none());

        assertReported(problems, "broken/service.yaml (Service vigie/accounts-service): spec.selector: "
                + "{app.kubernetes.io/name=accounts} matches the pod labels of no Deployment in namespace vigie");
        assertReported(problems, "broken/deployment.yaml (Deployment vigie/accounts-service): "
                + "spec.template.spec.containers[accounts-service].env[QUARKUS_DATASOURCE_PASSWORD].valueFrom.secretKeyRef.name: "
                + "Secret accounts-db-password is neither in the overlay nor declared external");
        assertTrue(problems.size() == 2, () -> "only the two planted faults, got:\n" + String.join("\n", problems));
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with\n  " + expected + "\ngot:\n  " + String.join("\n  ", problems));
    }
}
