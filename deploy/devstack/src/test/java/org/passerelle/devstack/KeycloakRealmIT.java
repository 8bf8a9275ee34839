package org.passerelle.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Passerelle realm as a partner's developer and the services see it: a real Keycloak started from the
 * distribution zip with deploy/keycloak/passerelle-realm.json imported, and the claims of real tokens.
 */
class KeycloakRealmIT {

    private static final String DEMO_PASSWORD =
            System.getenv().getOrDefault("PASSERELLE_DEMO_PASSWORD", "demo-only-password");
    /** Set in the environment of the Keycloak process only, to show that the demo secret can be replaced. */
    private static final String LYON1_SECRET_FROM_ENVIRONMENT = "lyon1-secret-from-environment-" + UUID.randomUUID();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static KeycloakNode node;
    private static long javaPid;

    @BeforeAll
    static void startKeycloak() {
        Path zip = Path.of(property("passerelle.keycloak.distribution", "target/keycloak/keycloak-quarkus-dist.zip"));
        Path realm = Path.of(property("passerelle.keycloak.realm", "../keycloak/passerelle-realm.json"));
        Path home = Path.of(property("passerelle.keycloak.home", "target/keycloak-it"));
        int httpPort = freePort();
        int managementPort = freePort();
        while (managementPort == httpPort) {
            managementPort = freePort();
        }
        node = new KeycloakNode(zip, home, httpPort, managementPort, realm, home.resolve("keycloak.log"))
                .withEnvironment(Map.of("PASSERELLE_UNIV_LYON1_CLIENT_SECRET", LYON1_SECRET_FROM_ENVIRONMENT));
        // a fresh import of the current realm file, with the environment above
        node.resetData();

        long started = System.nanoTime();
        node.start();
        node.awaitReady(Duration.ofMinutes(5));
        javaPid = node.pid();
        System.out.printf("Keycloak ready in %.1f s at %s, java pid %d, RSS %s%n",
                (System.nanoTime() - started) / 1e9, node.realmUrl(), javaPid, rss(javaPid));
    }

    @AfterAll
    static void stopKeycloak() {
        if (node == null) {
            return;
        }
        System.out.printf("Keycloak RSS before stop: %s%n", rss(javaPid));
        node.stop();
        node.stop(); // idempotent
        assertFalse(node.isRunning());
        assertFalse(ProcessHandle.of(javaPid).map(ProcessHandle::isAlive).orElse(false),
                "the java process serving Keycloak ended");
        assertTrue(isFree(node.httpPort()), "HTTP port free again");
        assertTrue(isFree(node.managementPort()), "management port free again");
        assertFalse(node.isReady());
    }

    @Test
    void realmDiscoveryNamesItsEndpoints() throws Exception {
        HttpResponse<String> response = get(node.realmUrl() + "/.well-known/openid-configuration");
        assertEquals(200, response.statusCode());
        JsonNode discovery = JSON.readTree(response.body());
        assertEquals(node.realmUrl(), discovery.path("issuer").asText());
        assertEquals(node.tokenUrl(), discovery.path("token_endpoint").asText());
    }

    @ParameterizedTest(name = "{0} is coordinator at {1}")
    @CsvSource({
        "coordinator.sjtusm,     sjtu.edu.cn",
        "coordinator.u-paris,    u-paris.fr",
        "coordinator.univ-lyon1, univ-lyon1.fr",
    })
    void coordinatorOfEachInstitution(String username, String institution) throws Exception {
        Tokens tokens = passwordGrant(username, DEMO_PASSWORD);
        JsonNode access = tokens.access();

        assertTrue(realmRoles(access).contains("coordinator"), () -> "roles of " + username + ": " + realmRoles(access));
        assertFalse(realmRoles(access).contains("admin"));
        assertTrue(access.path("institution").isTextual(), "institution is a single string: " + access.path("institution"));
        assertEquals(institution, access.path("institution").asText());
        assertTrue(audience(access).contains("passerelle-api"), () -> "aud: " + audience(access));
        assertEquals(node.realmUrl(), access.path("iss").asText());
        assertEquals("passerelle-cli", access.path("azp").asText());
        assertEquals(username, access.path("preferred_username").asText());
        assertFalse(access.path("sub").asText().isEmpty(), "sub present");
        assertEquals(900, access.path("exp").asLong() - access.path("iat").asLong(), "access token lives 15 minutes");

        // the id token carries the institution too
        assertEquals(institution, tokens.id().path("institution").asText());
    }

    @ParameterizedTest(name = "{0}: {1} at {2}")
    @CsvSource({
        "admin.sjtusm,          admin,       sjtu.edu.cn",
        "coordinator.sjtusm,    coordinator, sjtu.edu.cn",
        "supervisor.sjtusm,     supervisor,  sjtu.edu.cn",
        "student.sjtusm,        student,     sjtu.edu.cn",
        "coordinator.u-paris,   coordinator, u-paris.fr",
        "supervisor.u-paris,    supervisor,  u-paris.fr",
        "student.u-paris,       student,     u-paris.fr",
        "coordinator.univ-lyon1, coordinator, univ-lyon1.fr",
        "supervisor.univ-lyon1, supervisor,  univ-lyon1.fr",
        "student.univ-lyon1,    student,     univ-lyon1.fr",
    })
    void everyDemoUserHasItsRoleAndInstitution(String username, String role, String institution) throws Exception {
        JsonNode access = passwordGrant(username, DEMO_PASSWORD).access();
        List<String> passerelleRoles = realmRoles(access).stream()
                .filter(List.of("admin", "coordinator", "student", "supervisor", "integration")::contains)
                .collect(Collectors.toList());
        assertEquals(List.of(role), passerelleRoles);
        assertEquals(institution, access.path("institution").asText());
        assertTrue(access.path("email_verified").asBoolean());
    }

    @Test
    void adminHasRoleAdmin() throws Exception {
        JsonNode access = passwordGrant("admin.sjtusm", DEMO_PASSWORD).access();
        assertTrue(realmRoles(access).contains("admin"), () -> "roles: " + realmRoles(access));
        assertEquals("sjtu.edu.cn", access.path("institution").asText());
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "coordinator.sjtusm     | 芳        | 王",
        "supervisor.sjtusm      | 静怡      | 陈",
        "admin.sjtusm           | Lì        | Zhōu",
        "coordinator.u-paris    | Éloïse    | D'Aubigné",
        "student.u-paris        | Zoë       | N'Diaye",
        "coordinator.univ-lyon1 | François  | Lefèvre-Çelik",
        "supervisor.univ-lyon1  | Anne-Cécile | Dœuvre",
    })
    void namesComeBackIntact(String username, String givenName, String familyName) throws Exception {
        Tokens tokens = passwordGrant(username, DEMO_PASSWORD);
        for (JsonNode token : List.of(tokens.access(), tokens.id())) {
            assertEquals(givenName, token.path("given_name").asText());
            assertEquals(familyName, token.path("family_name").asText());
            assertEquals(givenName + " " + familyName, token.path("name").asText());
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = post(node.tokenUrl(), Map.of(
                "grant_type", "password", "client_id", "passerelle-cli",
                "username", "coordinator.u-paris", "password", "not-the-password"));
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_grant", JSON.readTree(response.body()).path("error").asText());
    }

    @ParameterizedTest(name = "{0} acts for {1}")
    @CsvSource({
        "sjtusm-integration,     sjtu.edu.cn",
        "u-paris-integration,    u-paris.fr",
        "univ-lyon1-integration, univ-lyon1.fr",
    })
    void integrationClientOfEachInstitution(String clientId, String institution) throws Exception {
        HttpResponse<String> response = clientCredentials(clientId, secretOf(clientId));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode access = claims(JSON.readTree(response.body()).path("access_token").asText());

        List<String> roles = realmRoles(access);
        assertTrue(roles.contains("integration"), () -> "roles: " + roles);
        assertFalse(roles.contains("coordinator") || roles.contains("admin"), () -> "roles: " + roles);
        assertTrue(access.path("institution").isTextual(), "institution is a single string");
        assertEquals(institution, access.path("institution").asText());
        assertTrue(audience(access).contains("passerelle-api"), () -> "aud: " + audience(access));
        assertEquals(clientId, access.path("azp").asText());
        assertEquals("service-account-" + clientId, access.path("preferred_username").asText());
    }

    @ParameterizedTest
    @CsvSource({"sjtusm-integration", "u-paris-integration", "univ-lyon1-integration"})
    void wrongSecretIsRefused(String clientId) throws Exception {
        HttpResponse<String> response = clientCredentials(clientId, "wrong-secret");
        assertEquals(401, response.statusCode(), response.body());
        assertFalse(response.body().contains("access_token"));
    }

    @Test
    void clientSecretIsOverriddenByEnvironment() throws Exception {
        assertEquals(401, clientCredentials("univ-lyon1-integration", "demo-only-univ-lyon1-secret").statusCode(),
                "the demo secret no longer works once the environment sets another");
        HttpResponse<String> response = clientCredentials("univ-lyon1-integration", LYON1_SECRET_FROM_ENVIRONMENT);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode access = claims(JSON.readTree(response.body()).path("access_token").asText());
        assertEquals("univ-lyon1.fr", access.path("institution").asText());
    }

    @Test
    void integrationClientsAndWebClientHaveNoPasswordGrant() throws Exception {
        for (String clientId : List.of("sjtusm-integration", "passerelle-web")) {
            Map<String, String> form = new LinkedHashMap<>(Map.of(
                    "grant_type", "password", "client_id", clientId,
                    "username", "coordinator.sjtusm", "password", DEMO_PASSWORD));
            if (clientId.endsWith("-integration")) {
                form.put("client_secret", secretOf(clientId));
            }
            HttpResponse<String> response = post(node.tokenUrl(), form);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, clientId + ": " + response.body());
            assertEquals("unauthorized_client", JSON.readTree(response.body()).path("error").asText(), clientId);
        }
    }

    @Test
    void passerelleCliHasNoClientCredentials() throws Exception {
        HttpResponse<String> response = post(node.tokenUrl(), Map.of(
                "grant_type", "client_credentials", "client_id", "passerelle-cli"));
        assertFalse(response.statusCode() == 200, response.body());
    }

    // ---------------------------------------------------------------------------------------------

    private record Tokens(JsonNode access, JsonNode id) {
    }

    private static Tokens passwordGrant(String username, String password) throws Exception {
        HttpResponse<String> response = post(node.tokenUrl(), Map.of(
                "grant_type", "password", "client_id", "passerelle-cli", "scope", "openid",
                "username", username, "password", password));
        assertEquals(200, response.statusCode(), () -> username + ": " + response.body());
        JsonNode body = JSON.readTree(response.body());
        return new Tokens(claims(body.path("access_token").asText()), claims(body.path("id_token").asText()));
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return post(node.tokenUrl(), Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static String secretOf(String clientId) {
        switch (clientId) {
            case "sjtusm-integration":
                return System.getenv().getOrDefault("PASSERELLE_SJTUSM_CLIENT_SECRET", "demo-only-sjtusm-secret");
            case "u-paris-integration":
                return System.getenv().getOrDefault("PASSERELLE_U_PARIS_CLIENT_SECRET", "demo-only-u-paris-secret");
            case "univ-lyon1-integration":
                return LYON1_SECRET_FROM_ENVIRONMENT;
            default:
                throw new IllegalArgumentException(clientId);
        }
    }

    /** The payload of a JWT (base64url), without checking the signature. */
    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a signed JWT: " + jwt);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> realmRoles(JsonNode token) {
        List<String> roles = new ArrayList<>();
        token.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> audience(JsonNode token) {
        JsonNode aud = token.path("aud");
        List<String> audience = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audience.add(a.asText()));
        } else if (aud.isTextual()) {
            audience.add(aud.asText());
        }
        return audience;
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Resident set size from /proc (Linux), for the record. */
    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
