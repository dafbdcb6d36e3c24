package cm.vigie.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment rules every overlay must satisfy. Each problem names the source file (or the rendered object)
 * and the field at fault.
 */
final class ManifestChecker {

    private final Manifests manifests;
    private final SourceIndex sources;
    private final ExternalReferences external;
    private final List<String> problems = new ArrayList<>();

    private ManifestChecker(Manifests manifests, SourceIndex sources, ExternalReferences external) {
        this.manifests = manifests;
        this.sources = sources;
        this.external = external;
    }

    static List<String> check(Manifests manifests, SourceIndex sources, ExternalReferences external) {
        ManifestChecker checker = new ManifestChecker(manifests, sources, external);
        checker.serviceSelectorsAndPorts();
        checker.deployments();
        checker.networkPolicies();
        checker.httpRoutes();
        checker.customResourceSecrets();
        checker.problems.addAll(CrdSchemas.validate(manifests, sources));
        return List.copyOf(checker.problems);
    }

    private void problem(HasMetadata resource, String field, String message) {
        problems.add(sources.describe(resource) + ": " + field + ": " + message);
    }

    // ---------------------------------------------------------------- Services

    private void serviceSelectorsAndPorts() {
        manifests.ofType(Service.class).forEach(service -> {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                return; // headless or external endpoints
            }
            List<Deployment> targets = deploymentsIn(service.getMetadata().getNamespace())
                    .stream().filter(d -> containsAll(podLabels(d), selector)).toList();
            if (targets.isEmpty()) {
                problem(service, "spec.selector", selector + " matches the pod labels of no Deployment in namespace "
                        + service.getMetadata().getNamespace());
                return;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Deployment deployment : targets) {
                    if (!podHasPort(deployment.getSpec().getTemplate().getSpec(), target)) {
                        problem(service, "spec.ports[" + name(port.getName(), port.getPort()) + "].targetPort",
                                "port " + show(target) + " is not declared by any container of Deployment "
                                        + deployment.getMetadata().getName());
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- Deployments

    private void deployments() {
        manifests.ofType(Deployment.class).forEach(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String ns = deployment.getMetadata().getNamespace();
            String podPath = "spec.template.spec";
            PodSecurityContext podSecurity = pod.getSecurityContext();
            if (pod.getServiceAccountName() != null && !exists("ServiceAccount", ns, pod.getServiceAccountName())) {
                problem(deployment, podPath + ".serviceAccountName", "ServiceAccount " + pod.getServiceAccountName()
                        + " is neither in the overlay nor declared external");
            }
            for (Volume volume : pod.getVolumes()) {
                String path = podPath + ".volumes[" + volume.getName() + "]";
                if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                    requireRef(deployment, path + ".configMap.name", "ConfigMap", ns, volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                    requireRef(deployment, path + ".secret.secretName", "Secret", ns, volume.getSecret().getSecretName());
                }
            }
            List<Container> all = new ArrayList<>(pod.getContainers());
            all.addAll(pod.getInitContainers());
            for (Container container : all) {
                String path = podPath + (pod.getInitContainers().contains(container) ? ".initContainers[" : ".containers[")
                        + container.getName() + "]";
                image(deployment, path, container.getImage());
                references(deployment, path, ns, container);
            }
            for (Container container : pod.getContainers()) {
                String path = podPath + ".containers[" + container.getName() + "]";
                probes(deployment, path, container);
                resources(deployment, path, container);
                security(deployment, path, podSecurity, container.getSecurityContext());
            }
        });
    }

    private void image(HasMetadata owner, String path, String image) {
        if (image == null || image.isBlank()) {
            problem(owner, path + ".image", "no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            problem(owner, path + ".image", image + " has no tag (it would mean latest): set newTag in the overlay's images");
        } else if (lastSegment.substring(colon + 1).equals("latest")) {
            problem(owner, path + ".image", image + " uses the tag latest: pin a release tag");
        }
    }

    private void references(HasMetadata owner, String path, String ns, Container container) {
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                requireRef(owner, path + ".envFrom.configMapRef.name", "ConfigMap", ns, source.getConfigMapRef().getName());
            }
            if (source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                requireRef(owner, path + ".envFrom.secretRef.name", "Secret", ns, source.getSecretRef().getName());
            }
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            String envPath = path + ".env[" + env.getName() + "].valueFrom";
            var cm = env.getValueFrom().getConfigMapKeyRef();
            if (cm != null && !Boolean.TRUE.equals(cm.getOptional())) {
                requireRef(owner, envPath + ".configMapKeyRef.name", "ConfigMap", ns, cm.getName());
                manifests.ofType(io.fabric8.kubernetes.api.model.ConfigMap.class)
                        .filter(c -> c.getMetadata().getName().equals(cm.getName()) && Objects.equals(ns, c.getMetadata().getNamespace()))
                        .filter(c -> c.getData() == null || !c.getData().containsKey(cm.getKey()))
                        .forEach(c -> problem(owner, envPath + ".configMapKeyRef.key", "ConfigMap " + cm.getName() + " has no key " + cm.getKey()));
            }
            var secret = env.getValueFrom().getSecretKeyRef();
            if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
                requireRef(owner, envPath + ".secretKeyRef.name", "Secret", ns, secret.getName());
            }
        }
    }

    private void requireRef(HasMetadata owner, String field, String kind, String ns, String name) {
        if (!exists(kind, ns, name)) {
            problem(owner, field, kind + " " + name + " is neither in the overlay nor declared external (external-references.yaml)");
        }
    }

    private boolean exists(String kind, String ns, String name) {
        return manifests.has(kind, ns, name) || external.contains(kind, ns, name);
    }

    private void probes(HasMetadata owner, String path, Container container) {
        probe(owner, path + ".startupProbe", container, container.getStartupProbe());
        probe(owner, path + ".readinessProbe", container, container.getReadinessProbe());
        probe(owner, path + ".livenessProbe", container, container.getLivenessProbe());
    }

    private void probe(HasMetadata owner, String path, Container container, Probe probe) {
        if (probe == null) {
            problem(owner, path, "missing");
            return;
        }
        IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
        if (port != null && !containerHasPort(container, port)) {
            problem(owner, path + (probe.getHttpGet() != null ? ".httpGet.port" : ".tcpSocket.port"),
                    "port " + show(port) + " is not declared in the container's ports");
        }
    }

    private void resources(HasMetadata owner, String path, Container container) {
        var resources = container.getResources();
        for (String kind : List.of("requests", "limits")) {
            var values = resources == null ? null : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
            if (values == null || !values.containsKey("memory")) {
                problem(owner, path + ".resources." + kind + ".memory", "missing");
            }
        }
        if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey("cpu")) {
            problem(owner, path + ".resources.requests.cpu", "missing");
        }
    }

    private void security(HasMetadata owner, String path, PodSecurityContext pod, SecurityContext container) {
        boolean nonRoot = container != null && container.getRunAsNonRoot() != null ? container.getRunAsNonRoot()
                : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
        if (!nonRoot) {
            problem(owner, path + ".securityContext.runAsNonRoot", "must be true (here or in spec.template.spec.securityContext)");
        }
        if (container == null || !Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
            problem(owner, path + ".securityContext.readOnlyRootFilesystem", "must be true");
        }
        if (container == null || !Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
            problem(owner, path + ".securityContext.allowPrivilegeEscalation", "must be false");
        }
        if (container == null || container.getCapabilities() == null || !container.getCapabilities().getDrop().contains("ALL")) {
            problem(owner, path + ".securityContext.capabilities.drop", "must contain ALL");
        }
        String seccomp = container != null && container.getSeccompProfile() != null ? container.getSeccompProfile().getType()
                : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problem(owner, path + ".securityContext.seccompProfile.type", "must be RuntimeDefault (here or on the pod)");
        }
    }

    // ---------------------------------------------------------------- NetworkPolicies

    private void networkPolicies() {
        List<NetworkPolicy> policies = manifests.ofType(NetworkPolicy.class).toList();
        manifests.ofType(Deployment.class).forEach(deployment -> {
            String ns = deployment.getMetadata().getNamespace();
            Map<String, String> labels = podLabels(deployment);
            List<NetworkPolicy> inNamespace = policies.stream().filter(p -> Objects.equals(ns, p.getMetadata().getNamespace())).toList();
            boolean defaultDeny = inNamespace.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                    && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
            if (!defaultDeny) {
                problem(deployment, "metadata.namespace", "namespace " + ns
                        + " has no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
            }
            boolean allowed = inNamespace.stream().anyMatch(p -> !isEmpty(p.getSpec().getPodSelector())
                    && matches(p.getSpec().getPodSelector(), labels)
                    && (p.getSpec().getPolicyTypes().isEmpty() || p.getSpec().getPolicyTypes().contains("Ingress")));
            if (!allowed) {
                problem(deployment, "spec.template.metadata.labels", labels
                        + " are selected by no NetworkPolicy of their own (a podSelector naming them, with an Ingress policy)");
            }
        });
    }

    // ---------------------------------------------------------------- HTTPRoutes

    private void httpRoutes() {
        manifests.ofType(HTTPRoute.class).forEach(route -> {
            String ns = route.getMetadata().getNamespace();
            int p = 0;
            for (ParentReference parent : route.getSpec().getParentRefs()) {
                String parentNs = parent.getNamespace() != null ? parent.getNamespace() : ns;
                if ((parent.getKind() == null || "Gateway".equals(parent.getKind())) && !exists("Gateway", parentNs, parent.getName())) {
                    problem(route, "spec.parentRefs[" + p + "].name", "Gateway " + parentNs + "/" + parent.getName()
                            + " is neither in the overlay nor declared external");
                }
                p++;
            }
            int r = 0;
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                int b = 0;
                for (HTTPBackendRef backend : rule.getBackendRefs()) {
                    String field = "spec.rules[" + r + "].backendRefs[" + b + "]";
                    String backendNs = backend.getNamespace() != null ? backend.getNamespace() : ns;
                    if (backend.getKind() == null || "Service".equals(backend.getKind())) {
                        Optional<Service> service = manifests.ofType(Service.class)
                                .filter(s -> s.getMetadata().getName().equals(backend.getName()) && Objects.equals(backendNs, s.getMetadata().getNamespace()))
                                .findFirst();
                        if (service.isPresent()) {
                            if (backend.getPort() != null && service.get().getSpec().getPorts().stream().noneMatch(sp -> backend.getPort().equals(sp.getPort()))) {
                                problem(route, field + ".port", "Service " + backend.getName() + " has no port " + backend.getPort());
                            }
                        } else if (!external.contains("Service", backendNs, backend.getName())) {
                            problem(route, field + ".name", "Service " + backendNs + "/" + backend.getName()
                                    + " is neither in the overlay nor declared external");
                        }
                    }
                    b++;
                }
                r++;
            }
        });
    }

    // ---------------------------------------------------------------- Secrets named by custom resources

    private void customResourceSecrets() {
        manifests.custom("postgresql.cnpg.io", "Cluster").forEach(cluster -> {
            String ns = cluster.getMetadata().getNamespace();
            List<?> roles = list(path(cluster, "spec", "managed", "roles"));
            for (int i = 0; i < roles.size(); i++) {
                Object secret = path(roles.get(i), "passwordSecret", "name");
                if (secret != null) {
                    requireRef(cluster, "spec.managed.roles[" + i + "].passwordSecret.name", "Secret", ns, secret.toString());
                }
            }
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                Object secret = path(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials", key, "name");
                if (secret != null) {
                    requireRef(cluster, "spec.backup.barmanObjectStore.s3Credentials." + key + ".name", "Secret", ns, secret.toString());
                }
            }
        });
        manifests.custom("k8s.keycloak.org", "Keycloak").forEach(keycloak -> {
            for (String key : List.of("usernameSecret", "passwordSecret")) {
                Object secret = path(keycloak, "spec", "db", key, "name");
                if (secret != null) {
                    requireRef(keycloak, "spec.db." + key + ".name", "Secret", keycloak.getMetadata().getNamespace(), secret.toString());
                }
            }
        });
    }

    private static Object path(Object node, String... keys) {
        Object current = node instanceof GenericKubernetesResource r ? r.getAdditionalProperties() : node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    // ---------------------------------------------------------------- helpers

    private List<Deployment> deploymentsIn(String ns) {
        return manifests.ofType(Deployment.class).filter(d -> Objects.equals(ns, d.getMetadata().getNamespace())).toList();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean containsAll(Map<String, String> labels, Map<String, String> selector) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !containsAll(labels, selector.getMatchLabels())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean podHasPort(PodSpec pod, IntOrString port) {
        return pod.getContainers().stream().anyMatch(c -> containerHasPort(c, port));
    }

    private static boolean containerHasPort(Container container, IntOrString port) {
        for (ContainerPort declared : container.getPorts()) {
            if (port.getStrVal() != null ? port.getStrVal().equals(declared.getName())
                    : Objects.equals(port.getIntVal(), declared.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static String show(IntOrString port) {
        return port.getStrVal() != null ? "'" + port.getStrVal() + "'" : String.valueOf(port.getIntVal());
    }

    private static String name(String name, Integer port) {
        return name != null ? name : String.valueOf(port);
    }
}
