package org.passerelle.mobility.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.devstack.testing.PostgresResource;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.DatabaseBreakpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged mobility-service, killed with SIGKILL in the middle of a bulk nomination sent with an Idempotency-Key,
 * restarted, and sent the same request with the same key: every row exactly once, each place of the quota counted
 * once, each MobilityNominated event in the outbox once. The service is stopped at an exact point by a row lock the
 * test holds (a {@link DatabaseBreakpoint}): before the first row commits, midway, and after the last row but before
 * the answer is stored.
 */
class BulkNominationCrashIT {

    private static final String YEAR = "2026/2027";
    /** Rows 1 to 20 nominate for the first condition, 21 to 40 for the second: "midway" is a lock on the second. */
    private static final int HALF = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final OidcWiremockTestResource IDENTITY_PROVIDER = new OidcWiremockTestResource();
    private static ServiceProcess service;
    private static String jdbcUrl;
    private static String kafka;
    private static String script;
    private static Cohort beforeFirstRow;
    private static Cohort midway;
    private static Cohort beforeAnswer;

    @BeforeAll
    static void startTheService() throws Exception {
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        PostgresNode postgres = PostgresResource.node();
        postgres.ensureDatabase("mobility");
        jdbcUrl = postgres.jdbcUrl("mobility");
        kafka = KafkaResource.node().bootstrapServers();
        String identityProvider = IDENTITY_PROVIDER.start().get("keycloak.url") + "/realms/quarkus";
        Path log = Path.of("target", "crash-it", "mobility-service.log");
        Files.deleteIfExists(log);
        service = new ServiceProcess("mobility-service", Path.of("target", "quarkus-app", "quarkus-run.jar"), FreePorts.next(),
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl, "KAFKA_BOOTSTRAP_SERVERS", kafka,
                        "QUARKUS_OIDC_AUTH_SERVER_URL", identityProvider), log);
        script = TestTokens.of("integration", "univ-lyon1.fr");
        service.start();
        awaitServing();
        // all agreements now: after a SIGKILL, the consumer group waits for the dead member's session to time out
        beforeFirstRow = Cohort.inForce("before-first-row");
        midway = Cohort.inForce("midway");
        beforeAnswer = Cohort.inForce("before-answer");
    }

    @AfterAll
    static void stopTheService() {
        if (service != null) {
            service.stop(Duration.ofSeconds(10));
        }
        IDENTITY_PROVIDER.stop();
    }

    @Test
    void killedBeforeTheFirstRowCommits() throws Exception {
        var cohort = beforeFirstRow;
        var bulk = cohort.send();
        try (var breakpoint = DatabaseBreakpoint.atQuota(jdbcUrl, cohort.first, YEAR)) {
            breakpoint.awaitBlocked();
            assertEquals(0, cohort.mobilities().size(), "the first row waits for its place, not committed");
            kill(bulk);
        }
        cohort.retryAfterRestartCreatesEachRowOnce(null);
    }

    @Test
    void killedMidway() throws Exception {
        var cohort = midway;
        var bulk = cohort.send();
        Map<UUID, UUID> committed;
        try (var breakpoint = DatabaseBreakpoint.atQuota(jdbcUrl, cohort.second, YEAR)) {
            breakpoint.awaitBlocked();
            committed = cohort.mobilities();
            assertEquals(HALF, committed.size(), "the rows of the first condition are committed");
            kill(bulk);
        }
        cohort.retryAfterRestartCreatesEachRowOnce(committed);
    }

    @Test
    void killedAfterTheLastRowBeforeTheAnswerIsStored() throws Exception {
        var cohort = beforeAnswer;
        var bulk = cohort.send();
        Map<UUID, UUID> committed;
        try (var secondHalf = DatabaseBreakpoint.atQuota(jdbcUrl, cohort.second, YEAR)) {
            secondHalf.awaitBlocked();
            try (var answer = DatabaseBreakpoint.atAnswer(jdbcUrl, cohort.key)) {
                secondHalf.close();
                answer.awaitBlocked();
                committed = cohort.mobilities();
                assertEquals(2 * HALF, committed.size(), "every row is committed");
                assertEquals(102, cohort.storedStatus(), "the answer is not stored yet");
                kill(bulk);
            }
        }
        cohort.retryAfterRestartCreatesEachRowOnce(committed);
    }

    /** SIGKILL, as a crashed machine or the OOM killer would; the request in flight gets no answer. */
    private static void kill(CompletableFuture<HttpResponse<String>> bulk) throws Exception {
        service.kill();
        assertTrue(bulk.handle((answer, failure) -> failure != null).get(), "the killed service answered nothing");
    }

    /** 40 students of Lyon 1 for the summer programme, in two conditions of 20 places each, and the key they go with. */
    private static final class Cohort {

        final UUID agreement = UUID.randomUUID();
        final UUID first = UUID.randomUUID();
        final UUID second = UUID.randomUUID();
        final String key;
        final String csv;

        private Cohort(String name) {
            key = "lyon1-summer-" + name + "-" + agreement;
            var rows = new StringBuilder("agreementId,conditionId,academicYear,plannedArrival,plannedDeparture,givenName,"
                    + "familyName,chineseName,email,ine\n");
            for (int i = 0; i < 2 * HALF; i++) {
                rows.append(String.join(",", agreement.toString(), (i < HALF ? first : second).toString(), YEAR,
                        "2027-07-05", "2027-07-30", "Zoë", "\"D'Aubigné-" + i + "\"", "", email(i),
                        "%09dAB".formatted(100000000 + i))).append('\n');
            }
            csv = rows.toString();
        }

        private String email(int row) {
            return "zoe.daubigne." + row + "." + agreement + "@etu.univ-lyon1.fr";
        }

        /** Agreement and conditions sent as agreements-service does, and awaited in mobility-service's database. */
        static Cohort inForce(String name) throws Exception {
            var cohort = new Cohort(name);
            var conditions = List.of(
                    new AgreementsInForce.Condition(cohort.first, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", HALF, null, null),
                    new AgreementsInForce.Condition(cohort.second, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", HALF, null, null));
            TestEvents.sendTo(kafka, AgreementsInForce.TOPIC, UUID.randomUUID(), "passerelle.agreements.AgreementActivated.v1",
                    cohort.agreement.toString(), """
                            {"agreementId":"%s","kind":"BILATERAL_EXCHANGE","parties":["sjtu.edu.cn","univ-lyon1.fr"],
                             "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","contentHash":"%s",
                             "activatedAt":"2026-03-12T09:30:00Z","conditions":[%s]}"""
                            .formatted(cohort.agreement, "a".repeat(64),
                                    String.join(",", conditions.stream().map(AgreementsInForce.Condition::json).toList())));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count("select count(*) from agreement_condition where agreement_id = ?", cohort.agreement) < 2) {
                assertTrue(System.nanoTime() < deadline, "the agreement never reached mobility-service");
                Thread.sleep(100);
            }
            return cohort;
        }

        CompletableFuture<HttpResponse<String>> send() {
            return HTTP.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest request() {
            return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/mobilities/bulk"))
                    .header("Authorization", "Bearer " + script).header("Idempotency-Key", key)
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofSeconds(120)).build();
        }

        /**
         * Restarts the service and sends the same request with the same key: one mobility per row, those committed
         * before the kill answered with their id in their batch, each place and each event counted once.
         */
        void retryAfterRestartCreatesEachRowOnce(Map<UUID, UUID> committedBefore) throws Exception {
            service.start();
            awaitServing();
            var answer = HTTP.send(request(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            JsonNode result = JSON.readTree(answer.body());
            assertEquals(2 * HALF, result.path("created").asInt(), answer.body());
            assertEquals(0, result.path("refused").asInt(), answer.body());

            Map<UUID, UUID> mobilities = mobilities();
            assertEquals(2 * HALF, mobilities.size(), "one mobility per row");
            assertEquals(2 * HALF, count("select count(distinct email) from mobility where agreement_id = ?", agreement));
            Set<UUID> answered = new HashSet<>();
            result.path("rows").forEach(row -> answered.add(UUID.fromString(row.path("mobilityId").asText())));
            assertEquals(mobilities.keySet(), answered, "the answer names every mobility, those made before the kill too");
            UUID batch = UUID.fromString(result.path("batchId").asText());
            assertEquals(Set.of(batch), new HashSet<>(mobilities.values()), "one batch");
            if (committedBefore != null) {
                assertTrue(mobilities.keySet().containsAll(committedBefore.keySet()), "the rows done before were kept");
                assertEquals(Set.of(batch), new HashSet<>(committedBefore.values()), "the batch of the rows done before");
            }

            for (UUID condition : List.of(first, second)) {
                assertEquals(HALF, count("select used from quota_usage where condition_id = ?", condition),
                        "the quota ledger counts each place once");
                assertEquals(HALF, count("select count(*) from mobility where condition_id = ? "
                        + "and status not in ('REJECTED', 'CANCELLED')", condition), "the live mobilities");
            }
            assertEquals(2 * HALF, count("""
                    select count(*) from outbox_event e join mobility m on e.aggregate_id = m.id::text
                    where m.agreement_id = ? and e.type = 'passerelle.mobility.MobilityNominated.v1'""", agreement),
                    "one MobilityNominated per mobility");
            assertEquals(2 * HALF, count("""
                    select count(distinct e.aggregate_id) from outbox_event e join mobility m on e.aggregate_id = m.id::text
                    where m.agreement_id = ? and e.type = 'passerelle.mobility.MobilityNominated.v1'""", agreement));

            var replay = HTTP.send(request(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, replay.statusCode());
            assertEquals("true", replay.headers().firstValue("Idempotency-Replayed").orElse(""));
            assertEquals(result, JSON.readTree(replay.body()));
        }

        /** The mobilities of the cohort committed so far: id -> batch. */
        Map<UUID, UUID> mobilities() throws SQLException {
            try (Connection connection = connect();
                 var statement = connection.prepareStatement("select id, batch_id from mobility where agreement_id = ?")) {
                statement.setObject(1, agreement);
                var mobilities = new java.util.HashMap<UUID, UUID>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        mobilities.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                    }
                }
                return mobilities;
            }
        }

        int storedStatus() throws SQLException {
            return count("select status from idempotent_creation where idempotency_key = ?", key);
        }
    }

    /** Waits until the service answers an authenticated request from its database. */
    private static void awaitServing() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/mobilities?size=1"))
                .header("Authorization", "Bearer " + script).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            assertTrue(service.isAlive(), () -> "mobility-service ended; log:\n" + log());
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            assertTrue(System.nanoTime() < deadline, () -> "mobility-service not serving; log:\n" + log());
            Thread.sleep(200);
        }
    }

    private static String log() {
        try {
            return Files.readString(service.logFile());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int count(String select, Object parameter) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(select)) {
            statement.setObject(1, parameter);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PostgresNode.USER, PostgresNode.PASSWORD);
    }
}
