package org.passerelle.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.KeycloakNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A packaged service started before its database, Kafka and Keycloak, as happens when a cluster or the
 * local platform comes up in any order: it stays up, says what it waits for, logs no stack traces, and
 * becomes ready by itself as each dependency appears. Then it serves a real Keycloak token.
 *
 * <p>The service has a PostgreSQL and a Kafka of its own, started by the test; its Keycloak is the shared
 * platform's, which this class, the first to run, starts: the other classes then find it running.
 */
@ExtendWith(SharedPlatform.class)
@Order(1)
class ServiceStartsBeforeItsDependenciesIT {

    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e"));
    private static final Path ROOT = Path.of(System.getProperty("passerelle.root", "../.."));

    private static PostgresNode postgres;
    private static KafkaNode kafka;
    private static KeycloakNode keycloak;
    private static ServiceProcess service;

    @BeforeAll
    static void startTheServiceAlone(KeycloakNode sharedKeycloak) throws Exception {
        keycloak = sharedKeycloak;
        assertFalse(keycloak.isRunning(), "this class runs first, before the shared platform starts Keycloak");
        Files.createDirectories(WORK);
        int postgresPort = FreePorts.next();
        int kafkaPort = FreePorts.next();
        postgres = new PostgresNode(Files.createTempDirectory(WORK, "postgres-"), postgresPort);
        kafka = new KafkaNode(Files.createTempDirectory(WORK, "kafka-"), kafkaPort, FreePorts.next());
        Path log = WORK.resolve("agreements-service.log");
        Files.deleteIfExists(log);
        service = new ServiceProcess("agreements-service",
                ROOT.resolve("agreements-service/target/quarkus-app/quarkus-run.jar"), FreePorts.next(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/agreements",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort,
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl()), log).forTests();
        service.start();
    }

    @AfterAll
    static void stopWhatIsNotShared() {
        PlatformClient.stopAll(new ServiceProcess[] {service}, null, kafka, postgres);
    }

    @Test
    void waitsForEachDependencyThenServesRealTokens() throws Exception {
        // the first probes may come before the first connection attempts: wait until they have been made
        String nothingYet = awaitReadiness(body -> body.contains("Connection refused") && body.contains("Timed out"),
                Duration.ofSeconds(90));
        assertTrue(isDown(nothingYet, "Database schema"), nothingYet);
        assertTrue(isDown(nothingYet, "Kafka connection health check"), nothingYet);
        assertTrue(isDown(nothingYet, "OIDC Provider Health Check"), nothingYet);
        assertEquals(200, status("/q/health/live"), "alive while it waits");

        postgres.start();
        postgres.ensureDatabase("agreements");
        kafka.start();
        String withoutKeycloak = awaitReadiness(
                body -> !isDown(body, "Database schema") && !isDown(body, "Kafka connection health check"),
                Duration.ofSeconds(60));
        assertTrue(isDown(withoutKeycloak, "OIDC Provider Health Check"), withoutKeycloak);
        assertEquals(503, status("/q/health/ready"));
        var tokenNobodyCanCheck = get("/api/agreements", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertEquals(503, tokenNobodyCanCheck.statusCode(), tokenNobodyCanCheck.body());
        assertTrue(tokenNobodyCanCheck.body().contains("urn:passerelle:problem:dependency-unavailable"));

        keycloak.start();
        keycloak.awaitReady(Duration.ofMinutes(4));
        awaitReadiness(body -> body.contains("\"status\": \"UP\"") && !body.contains("\"DOWN\""), Duration.ofSeconds(60));
        assertEquals(200, status("/q/health/ready"));

        var anonymous = get("/api/agreements", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        var coordinator = get("/api/agreements", passwordToken("coordinator.univ-lyon1"));
        assertEquals(200, coordinator.statusCode(), coordinator.body());
        assertTrue(coordinator.body().contains("\"items\":[]"), coordinator.body());

        String log = Files.readString(service.logFile());
        assertFalse(log.contains("\tat "), "no stack trace in the log while waiting:\n" + log);
        assertTrue(log.lines().count() < 60, "a few lines, not a flood: " + log.lines().count());
    }

    private static boolean isDown(String readiness, String check) {
        return Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(check) + "\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"")
                .matcher(readiness).find();
    }

    private static String awaitReadiness(Predicate<String> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service must stay up; log:\n" + Files.readString(service.logFile()));
            try {
                last = get("/q/health/ready", null).body();
                if (condition.test(last)) {
                    return last;
                }
            } catch (java.io.IOException notListeningYet) {
                // the HTTP port opens a few seconds after the process starts
            }
            Thread.sleep(500);
        }
        return fail("readiness did not change as expected within " + timeout + "; last answer: " + last);
    }

    private static int status(String path) throws Exception {
        return get(path, null).statusCode();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return PlatformClient.get(service, path, token);
    }

    private static String passwordToken(String username) throws Exception {
        return PlatformClient.token(keycloak, username);
    }
}
