package org.passerelle.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What an operator checks before applying deploy/k8s/manifests: driven by the table of services below, so a
 * service, a route or a reference that goes missing from the manifests fails here rather than in the cluster.
 */
class ManifestsTest {

    record ServiceSpec(String name, String database, List<String> prefixes) {
        String image() {
            return "passerelle/" + name + ":0.1.0";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("agreements-service", "agreements", List.of("/api/agreements", "/api/targets", "/api/ewp/iias")),
            new ServiceSpec("mobility-service", "mobility", List.of("/api/mobilities", "/api/statistics", "/api/ewp/omobilities")),
            new ServiceSpec("curriculum-service", "curriculum", List.of("/api/catalogue", "/api/credit-conversions", "/api/grading-scales", "/api/grade-distributions", "/api/grade-conversion-tables", "/api/grade-conversions", "/api/transcripts", "/api/ewp/imobility-tors")),
            new ServiceSpec("identity-service", "identity", List.of("/api/institutions", "/api/people", "/api/accounts",
                    "/api/integration-clients", "/api/audit-log", "/api/webhooks")));

    static final String NAMESPACE = "passerelle";
    static final int CONTAINER_PORT = 8080;

    /** Variables every Deployment sets, and where each comes from: a literal, a ConfigMap or a Secret. */
    static final Set<String> FROM_CONFIG_MAP = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_AUDIENCE", "QUARKUS_HTTP_CORS_ORIGINS");
    static final Set<String> FROM_SECRET = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    static final Set<String> LITERAL = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "JAVA_OPTS");

    static Path manifests;
    /** Every document of every manifest file except kustomization.yaml, by file. */
    static final Map<String, List<Map<String, Object>>> documentsByFile = new LinkedHashMap<>();
    static final List<Map<String, Object>> resources = new ArrayList<>();
    static Map<String, Object> kustomization;

    @BeforeAll
    static void load() throws IOException {
        manifests = Path.of(System.getProperty("passerelle.k8s.manifests", "manifests"));
        assertTrue(Files.isDirectory(manifests), "no manifests folder at " + manifests.toAbsolutePath());
        for (Path file : yamlFiles()) {
            List<Map<String, Object>> documents = new ArrayList<>();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Object document : yaml().loadAll(reader)) {
                    assertNotNull(document, file.getFileName() + " has an empty document");
                    documents.add(asMap(document, file.getFileName().toString()));
                }
            }
            assertFalse(documents.isEmpty(), file.getFileName() + " holds no document");
            String name = file.getFileName().toString();
            if (name.equals("kustomization.yaml")) {
                kustomization = documents.get(0);
            } else {
                documentsByFile.put(name, documents);
                resources.addAll(documents);
            }
        }
        assertNotNull(kustomization, "no kustomization.yaml in " + manifests);
    }

    // ---- every document -----------------------------------------------------------------------------------

    @Test
    void everyDocumentIsAKubernetesObject() {
        documentsByFile.forEach((file, documents) -> {
            for (Map<String, Object> document : documents) {
                String where = file + ": " + document.get("kind") + " " + path(document, "metadata", "name");
                assertInstanceOf(String.class, document.get("apiVersion"), where + " has no apiVersion");
                assertInstanceOf(String.class, document.get("kind"), where + " has no kind");
                assertInstanceOf(String.class, path(document, "metadata", "name"), where + " has no metadata.name");
            }
        });
    }

    @Test
    void everyObjectLivesInTheNamespace() {
        assertEquals(1, find("Namespace", NAMESPACE).size(), "the namespace " + NAMESPACE + " is declared once");
        for (Map<String, Object> resource : resources) {
            if (!"Namespace".equals(resource.get("kind"))) {
                assertEquals(NAMESPACE, path(resource, "metadata", "namespace"),
                        resource.get("kind") + " " + path(resource, "metadata", "name"));
            }
        }
    }

    @Test
    void noObjectIsDeclaredTwice() {
        Set<String> seen = new TreeSet<>();
        for (Map<String, Object> resource : resources) {
            String id = resource.get("kind") + "/" + path(resource, "metadata", "name");
            assertTrue(seen.add(id), id + " is declared twice");
        }
    }

    @Test
    void kustomizationListsEveryManifestFile() throws IOException {
        assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.get("apiVersion"));
        assertEquals("Kustomization", kustomization.get("kind"));
        List<String> listed = strings(kustomization.get("resources"));
        Set<String> files = yamlFiles().stream().map(f -> f.getFileName().toString())
                .filter(f -> !f.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, new TreeSet<>(listed), "kustomization.yaml resources against the files of " + manifests);
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a file is listed twice: " + listed);
    }

    // ---- per service ----------------------------------------------------------------------------------------

    static Stream<ServiceSpec> services() {
        return SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentRunsTheServiceImageWithProbesAndResources(ServiceSpec service) {
        Map<String, Object> deployment = one("Deployment", service.name());
        Map<String, Object> container = container(deployment, service);

        assertEquals(service.image(), container.get("image"));
        assertEquals(CONTAINER_PORT, httpPort(container).get("containerPort"), "container port");
        assertTrue(asInt(path(deployment, "spec", "replicas")) >= 2, "several replicas by default");

        assertProbe(container, "startupProbe", "/q/health/started");
        assertProbe(container, "livenessProbe", "/q/health/live");
        assertProbe(container, "readinessProbe", "/q/health/ready");

        assertEquals("250m", path(container, "resources", "requests", "cpu"));
        assertEquals("384Mi", path(container, "resources", "requests", "memory"));
        assertEquals("768Mi", path(container, "resources", "limits", "memory"));

        Map<String, Object> selector = asMap(path(deployment, "spec", "selector", "matchLabels"), "selector");
        Map<String, Object> podLabels = asMap(path(deployment, "spec", "template", "metadata", "labels"), "pod labels");
        assertEquals(service.name(), selector.get("app.kubernetes.io/name"));
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "pod labels carry the selector");
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentRunsLockedDown(ServiceSpec service) {
        Map<String, Object> deployment = one("Deployment", service.name());
        Map<String, Object> container = container(deployment, service);
        Map<String, Object> pod = asMap(path(deployment, "spec", "template", "spec"), "pod spec");

        assertEquals(Boolean.TRUE, path(pod, "securityContext", "runAsNonRoot"));
        assertEquals(Boolean.TRUE, path(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, path(container, "securityContext", "allowPrivilegeEscalation"));

        String tmpVolume = list(container.get("volumeMounts")).stream().map(m -> asMap(m, "volumeMount"))
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing is mounted at /tmp"));
        Map<String, Object> volume = list(pod.get("volumes")).stream().map(v -> asMap(v, "volume"))
                .filter(v -> tmpVolume.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + tmpVolume));
        assertTrue(volume.containsKey("emptyDir"), "/tmp is an emptyDir");
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentTakesItsConfigurationFromTheConfigMapAndSecret(ServiceSpec service) {
        Map<String, Map<String, Object>> env = env(container(one("Deployment", service.name()), service));

        for (String name : LITERAL) {
            assertTrue(env.containsKey(name) && env.get(name).get("value") instanceof String, name + " is set");
        }
        assertEquals(String.valueOf(CONTAINER_PORT), env.get("QUARKUS_HTTP_PORT").get("value"));
        assertEquals("true", env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED").get("value"));
        String javaOpts = (String) env.get("JAVA_OPTS").get("value");
        assertTrue(javaOpts.contains("-XX:MaxRAMPercentage="), "heap from the memory limit: " + javaOpts);
        // JAVA_OPTS replaces the image's JAVA_OPTS_APPEND, which carried the log manager
        assertTrue(javaOpts.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"), javaOpts);

        for (String name : FROM_CONFIG_MAP) {
            assertNotNull(env.get(name), name + " is set");
            assertNotNull(path(env.get(name), "valueFrom", "configMapKeyRef"), name + " comes from a ConfigMap");
        }
        for (String name : FROM_SECRET) {
            assertNotNull(env.get(name), name + " is set");
            assertNotNull(path(env.get(name), "valueFrom", "secretKeyRef"), name + " comes from a Secret");
        }
        assertEquals(path(env.get("QUARKUS_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef", "name"),
                path(env.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef", "name"),
                "user name and password come from the same Secret");

        Object jdbcUrl = resolve(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertInstanceOf(String.class, jdbcUrl, "JDBC URL");
        assertTrue(((String) jdbcUrl).startsWith("jdbc:postgresql://"), "a PostgreSQL URL: " + jdbcUrl);
        assertTrue(((String) jdbcUrl).matches(".*/" + service.database() + "(\\?.*)?"),
                service.name() + " uses its own database " + service.database() + ": " + jdbcUrl);
        assertEquals("passerelle-api", resolve(env.get("QUARKUS_OIDC_TOKEN_AUDIENCE")));
        assertTrue(((String) resolve(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"))).endsWith("/realms/passerelle"),
                "the OIDC URL names the passerelle realm");
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceSelectsTheDeploymentPodsAndTargetsTheContainerPort(ServiceSpec service) {
        Map<String, Object> deployment = one("Deployment", service.name());
        Map<String, Object> container = container(deployment, service);
        Map<String, Object> svc = one("Service", service.name());

        Map<String, Object> selector = asMap(path(svc, "spec", "selector"), "Service selector");
        Map<String, Object> podLabels = asMap(path(deployment, "spec", "template", "metadata", "labels"), "pod labels");
        assertFalse(selector.isEmpty(), "the Service selects pods");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()),
                "Service selector " + selector + " against pod labels " + podLabels);

        Map<String, Object> port = servicePort(svc, "http");
        Map<String, Object> containerPort = httpPort(container);
        Object target = port.get("targetPort");
        assertTrue(target.equals(containerPort.get("name")) || target.equals(containerPort.get("containerPort")),
                "targetPort " + target + " against container port " + containerPort);
    }

    @ParameterizedTest
    @MethodSource("services")
    void disruptionBudgetKeepsOnePodOfTheService(ServiceSpec service) {
        Map<String, Object> pdb = one("PodDisruptionBudget", service.name());
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals(1, path(pdb, "spec", "minAvailable"));
        Map<String, Object> podLabels = asMap(
                path(one("Deployment", service.name()), "spec", "template", "metadata", "labels"), "pod labels");
        Map<String, Object> selector = asMap(path(pdb, "spec", "selector", "matchLabels"), "PDB selector");
        assertFalse(selector.isEmpty());
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the budget selects the service's pods");
    }

    // ---- ingress ----------------------------------------------------------------------------------------------

    @Test
    void ingressRoutesEveryPrefixOnceToItsService() {
        List<Map<String, Object>> ingresses = find("Ingress", null);
        assertEquals(1, ingresses.size(), "one Ingress");
        Map<String, Object> ingress = ingresses.get(0);
        assertEquals("networking.k8s.io/v1", ingress.get("apiVersion"));
        assertEquals("nginx", path(ingress, "spec", "ingressClassName"));

        List<Object> rules = list(path(ingress, "spec", "rules"));
        assertEquals(1, rules.size(), "one host");
        String host = (String) asMap(rules.get(0), "rule").get("host");
        assertNotNull(host, "the rule names its host");
        List<Object> tls = list(path(ingress, "spec", "tls"));
        assertFalse(tls.isEmpty(), "TLS is configured");
        for (Object entry : tls) {
            assertInstanceOf(String.class, asMap(entry, "tls").get("secretName"), "TLS secret name");
            assertTrue(strings(asMap(entry, "tls").get("hosts")).contains(host), "TLS covers " + host);
        }

        Map<String, String> routed = new HashMap<>();
        for (Object p : list(path(rules.get(0), "http", "paths"))) {
            Map<String, Object> route = asMap(p, "ingress path");
            String prefix = (String) route.get("path");
            assertEquals("Prefix", route.get("pathType"), prefix);
            String backend = (String) path(route, "backend", "service", "name");
            String previous = routed.put(prefix, backend);
            assertEquals(null, previous, prefix + " is routed twice");

            Map<String, Object> svc = one("Service", backend);
            Object port = path(route, "backend", "service", "port", "name");
            if (port == null) {
                port = path(route, "backend", "service", "port", "number");
            }
            assertNotNull(port, prefix + " names the backend port");
            Object wanted = port;
            assertTrue(list(path(svc, "spec", "ports")).stream().map(x -> asMap(x, "port"))
                    .anyMatch(x -> wanted.equals(x.get("name")) || wanted.equals(x.get("port"))),
                    prefix + ": Service " + backend + " has no port " + port);
        }

        Map<String, String> expected = new HashMap<>();
        for (ServiceSpec service : SERVICES) {
            for (String prefix : service.prefixes()) {
                assertEquals(null, expected.put(prefix, service.name()), prefix + " is owned by two services");
            }
        }
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(routed.keySet());
        Set<String> unexpected = new TreeSet<>(routed.keySet());
        unexpected.removeAll(expected.keySet());
        assertTrue(missing.isEmpty(), "prefixes the Ingress does not route: " + missing);
        assertTrue(unexpected.isEmpty(), "prefixes no service owns: " + unexpected);
        assertEquals(expected, routed, "each prefix goes to the service that owns it");
    }

    // ---- references ---------------------------------------------------------------------------------------

    @Test
    void everyConfigMapAndSecretReferencedByADeploymentExists() {
        List<Map<String, Object>> deployments = find("Deployment", null);
        assertEquals(SERVICES.size(), deployments.size(), "one Deployment per service, no other");
        for (Map<String, Object> deployment : deployments) {
            String name = (String) path(deployment, "metadata", "name");
            for (Object c : list(path(deployment, "spec", "template", "spec", "containers"))) {
                Map<String, Object> container = asMap(c, "container");
                for (Map<String, Object> variable : env(container).values()) {
                    Object value = resolve(variable);
                    assertNotNull(value, name + ": " + variable.get("name") + " resolves to nothing");
                }
                for (Object source : list(container.getOrDefault("envFrom", List.of()))) {
                    Map<String, Object> from = asMap(source, "envFrom");
                    if (from.containsKey("configMapRef")) {
                        one("ConfigMap", (String) path(from, "configMapRef", "name"));
                    }
                    if (from.containsKey("secretRef")) {
                        one("Secret", (String) path(from, "secretRef", "name"));
                    }
                }
            }
            Object volumes = path(deployment, "spec", "template", "spec", "volumes");
            for (Object v : volumes == null ? List.of() : list(volumes)) {
                Map<String, Object> volume = asMap(v, "volume");
                if (volume.containsKey("configMap")) {
                    one("ConfigMap", (String) path(volume, "configMap", "name"));
                }
                if (volume.containsKey("secret")) {
                    one("Secret", (String) path(volume, "secret", "secretName"));
                }
            }
        }
    }

    @Test
    void identityServiceReachesKeycloaksAdminApiWithItsOwnClientSecret() {
        Map<String, Object> identity = find("Deployment", "identity-service").get(0);
        Map<String, Object> container = asMap(list(path(identity, "spec", "template", "spec", "containers")).get(0), "container");
        Map<String, Object> env = new java.util.HashMap<>();
        for (Object e : list(container.get("env"))) {
            env.put((String) asMap(e, "env").get("name"), asMap(e, "env").get("valueFrom"));
        }
        assertEquals("keycloak-url", path(asMap(env.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"), "env"), "configMapKeyRef", "key"),
                "the admin client must not fall back to the development default http://127.0.0.1:8180");
        assertEquals("identity-service-keycloak",
                path(asMap(env.get("PASSERELLE_IDENTITY_CLIENT_SECRET"), "env"), "secretKeyRef", "name"),
                "the client secret comes from a Secret, not the development default");
    }

    @Test
    void secretsHoldOnlyPlaceholders() {
        List<Map<String, Object>> secrets = find("Secret", null);
        assertEquals(SERVICES.size(), secrets.stream().filter(s -> ((String) path(s, "metadata", "name")).endsWith("-db")).count(),
                "one database Secret per service");
        for (Map<String, Object> secret : secrets) {
            String name = (String) path(secret, "metadata", "name");
            assertFalse(secret.containsKey("data"), name + ": real values come from the cluster's secret store");
            asMap(secret.get("stringData"), name).forEach((key, value) ->
                    assertEquals("change-me", value, name + "." + key + " must stay a placeholder in the repository"));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(manifests)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    /** Objects of a kind, optionally with a name. */
    static List<Map<String, Object>> find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")))
                .filter(r -> name == null || name.equals(path(r, "metadata", "name"))).toList();
    }

    static Map<String, Object> one(String kind, String name) {
        List<Map<String, Object>> found = find(kind, name);
        if (found.size() != 1) {
            fail("expected one " + kind + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static Map<String, Object> container(Map<String, Object> deployment, ServiceSpec service) {
        return list(path(deployment, "spec", "template", "spec", "containers")).stream()
                .map(c -> asMap(c, "container")).filter(c -> service.name().equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + service.name() + " in its Deployment"));
    }

    static Map<String, Object> httpPort(Map<String, Object> container) {
        return list(container.get("ports")).stream().map(p -> asMap(p, "port"))
                .filter(p -> "http".equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named http"));
    }

    static Map<String, Object> servicePort(Map<String, Object> svc, String name) {
        return list(path(svc, "spec", "ports")).stream().map(p -> asMap(p, "port"))
                .filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Service port named " + name));
    }

    static void assertProbe(Map<String, Object> container, String probe, String expectedPath) {
        assertNotNull(container.get(probe), probe);
        assertEquals(expectedPath, path(container, probe, "httpGet", "path"), probe + " path");
        Object port = path(container, probe, "httpGet", "port");
        Map<String, Object> http = httpPort(container);
        assertTrue(http.get("name").equals(port) || http.get("containerPort").equals(port),
                probe + " on the http port, not " + port);
    }

    /** The container's env by variable name; a variable set twice fails. */
    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Object e : list(container.getOrDefault("env", List.of()))) {
            Map<String, Object> variable = asMap(e, "env");
            assertEquals(null, env.put((String) variable.get("name"), variable), variable.get("name") + " is set twice");
        }
        return env;
    }

    /** The value a variable gets in the pod: its literal, or the ConfigMap or Secret key it refers to. */
    static Object resolve(Map<String, Object> variable) {
        if (variable.containsKey("value")) {
            return variable.get("value");
        }
        Object configMapRef = path(variable, "valueFrom", "configMapKeyRef");
        if (configMapRef != null) {
            Map<String, Object> ref = asMap(configMapRef, "configMapKeyRef");
            Map<String, Object> data = asMap(one("ConfigMap", (String) ref.get("name")).get("data"), "data");
            assertTrue(data.containsKey(ref.get("key")), "ConfigMap " + ref.get("name") + " has no key " + ref.get("key"));
            return data.get(ref.get("key"));
        }
        Object secretRef = path(variable, "valueFrom", "secretKeyRef");
        if (secretRef != null) {
            Map<String, Object> ref = asMap(secretRef, "secretKeyRef");
            Map<String, Object> secret = one("Secret", (String) ref.get("name"));
            Map<String, Object> data = asMap(secret.getOrDefault("stringData", secret.get("data")), "secret data");
            assertTrue(data.containsKey(ref.get("key")), "Secret " + ref.get("name") + " has no key " + ref.get("key"));
            return data.get(ref.get("key"));
        }
        // fieldRef and resourceFieldRef are filled in by Kubernetes itself
        Object valueFrom = variable.get("valueFrom");
        return valueFrom instanceof Map<?, ?> map && (map.containsKey("fieldRef") || map.containsKey("resourceFieldRef"))
                ? valueFrom : null;
    }

    /** Walks nested maps; null where a step is missing. */
    static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        assertInstanceOf(Map.class, node, what + " is not a mapping");
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        assertInstanceOf(List.class, node, "expected a list");
        return (List<Object>) node;
    }

    static List<String> strings(Object node) {
        return list(node).stream().map(String.class::cast).toList();
    }

    static int asInt(Object node) {
        assertInstanceOf(Integer.class, node);
        return (Integer) node;
    }
}
