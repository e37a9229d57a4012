package com.stategraph.billing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes, read with the fabric8 Kubernetes model (no kubectl or kustomize runs here):
 * every file a kustomization names exists and parses; the Deployment runs the server non-root on a
 * read-only root file system, probes the actuator, takes the database and the server key from
 * secrets; the Service, ServiceMonitor and Ingress point at the port the container opens; the example
 * overlay carries the three clouds' workload identity hooks.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("stategraph.repo", ".."), "deploy", "kubernetes");
    private final KubernetesSerialization kube = new KubernetesSerialization();
    /** Every file read, kustomizations included. */
    private final java.util.Set<Path> read = new java.util.HashSet<>();

    private List<HasMetadata> resources(Path dir) throws Exception {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
        read.add(dir.resolve("kustomization.yaml").normalize());
        List<String> files = new ArrayList<>();
        for (String key : List.of("resources", "patches")) {
            Object entries = kustomization.get(key);
            if (entries instanceof List<?> list) {
                for (Object entry : list) {
                    files.add(entry instanceof Map<?, ?> patch ? (String) patch.get("path") : (String) entry);
                }
            }
        }
        assertThat(files).as("what " + dir + " names").isNotEmpty();
        List<HasMetadata> out = new ArrayList<>();
        for (String file : files) {
            Path path = dir.resolve(file).normalize();
            assertThat(path).as(dir + " names " + file).exists();
            if (Files.isDirectory(path)) {
                continue; // another kustomization, read on its own
            }
            read.add(path);
            for (Object document : new Yaml().loadAll(Files.readString(path))) {
                try (InputStream in = new java.io.ByteArrayInputStream(new Yaml().dump(document).getBytes())) {
                    Object parsed = kube.unmarshal(in);
                    assertThat(parsed).as(path.toString()).isInstanceOf(HasMetadata.class);
                    out.add((HasMetadata) parsed);
                }
            }
        }
        return out;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> all, Class<T> type) {
        List<T> found = all.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    @Test
    void theBaseRunsTheServerSafelyAndProbesTheActuator() throws Exception {
        List<HasMetadata> base = resources(ROOT.resolve("base"));
        Deployment deployment = one(base, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getServiceAccountName()).isEqualTo(one(base, ServiceAccount.class).getMetadata().getName());
        assertThat(deployment.getSpec().getSelector().getMatchLabels().entrySet())
                .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());

        assertThat(pod.getContainers()).hasSize(1);
        Container server = pod.getContainers().get(0);
        assertThat(server.getImage()).startsWith("stategraph/stategraph-billing:");
        assertThat(server.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:8080", "metrics:9090");
        var security = server.getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(server.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/tmp", "/var/lib/stategraph");
        assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(server.getResources().getLimits()).containsKey("memory");

        assertProbe(server.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(server.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(server.getReadinessProbe(), "/actuator/health/readiness");

        Map<String, EnvVar> env = new java.util.HashMap<>();
        server.getEnv().forEach(e -> env.put(e.getName(), e));
        for (String secret : List.of("STATEGRAPH_DATABASE_URL", "STATEGRAPH_SECRET_KEY", "STATEGRAPH_BOOTSTRAP_API_KEY")) {
            assertThat(env.get(secret)).as(secret).isNotNull();
            assertThat(env.get(secret).getValue()).as(secret + " is never written in the manifest").isNull();
            assertThat(env.get(secret).getValueFrom().getSecretKeyRef().getName()).as(secret).startsWith("stategraph-");
        }
        ConfigMap config = one(base, ConfigMap.class);
        assertThat(server.getEnvFrom()).singleElement().satisfies(from ->
                assertThat(from.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName()));
        assertThat(config.getData().get("STATEGRAPH_DATA_DIR")).isEqualTo("/var/lib/stategraph");
        String readme = Files.readString(Path.of(System.getProperty("stategraph.repo", ".."), "README.md"));
        List<String> named = new ArrayList<>(config.getData().keySet());
        named.addAll(env.keySet());
        assertThat(named).isNotEmpty();
        for (String variable : named) {
            if (variable.startsWith("STATEGRAPH_")) {
                assertThat(readme).as(variable + " is documented").contains("`" + variable + "`");
            }
        }

        Service service = one(base, Service.class);
        assertThat(service.getSpec().getSelector().entrySet())
                .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + "->" + p.getTargetPort().getStrVal())
                .containsExactlyInAnyOrder("http->http", "metrics->metrics");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:" + config.getData().get("STATEGRAPH_PORT"),
                        "metrics:" + config.getData().get("STATEGRAPH_MANAGEMENT_PORT"));
        // Metrics name every tenant: their port is open to the monitoring namespace alone.
        io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy policy = one(base,
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("metrics"));
            assertThat(rule.getFrom()).singleElement().satisfies(f -> assertThat(f.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        });
        assertThat(policy.getSpec().getIngress()).as("the console and API stay open").anySatisfy(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http"));
            assertThat(rule.getFrom()).isNullOrEmpty();
        });

        GenericKubernetesResource monitor = one(base, GenericKubernetesResource.class);
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        Map<String, Object> spec = monitor.get("spec");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e.get("port")).isEqualTo("metrics");
            assertThat(e.get("path")).isEqualTo("/actuator/prometheus");
        });
        @SuppressWarnings("unchecked")
        Map<String, String> selected = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        assertThat(service.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", selected.get("app.kubernetes.io/component"));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void theExampleOverlayAddsAnIngressAndTheCloudsWorkloadIdentity() throws Exception {
        Path overlay = ROOT.resolve("overlays/example");
        List<HasMetadata> added = resources(overlay);
        Ingress ingress = one(added, Ingress.class);
        var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        Service service = one(resources(ROOT.resolve("base")), Service.class);
        assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
        assertThat(backend.getPort().getName()).isEqualTo(service.getSpec().getPorts().get(0).getName());
        assertThat(ingress.getSpec().getTls()).isNotEmpty();

        ServiceAccount account = one(added, ServiceAccount.class);
        assertThat(account.getMetadata().getAnnotations()).containsKeys("eks.amazonaws.com/role-arn",
                "iam.gke.io/gcp-service-account", "azure.workload.identity/client-id");
        Deployment patch = one(added, Deployment.class);
        assertThat(patch.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("azure.workload.identity/use", "true");
        try (Stream<Path> files = Files.walk(ROOT)) {
            assertThat(read).as("every manifest is named by a kustomization, and was read")
                    .containsExactlyInAnyOrderElementsOf(files.filter(p -> p.toString().endsWith(".yaml")).map(Path::normalize).toList());
        }
    }
}
