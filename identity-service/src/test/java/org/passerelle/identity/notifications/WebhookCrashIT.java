package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged identity-service killed with SIGKILL while a partner's receiver is down and every delivery is waiting
 * for its next retry - one of them in flight, received by the partner but not yet recorded - then started again:
 * every event reaches the receiver, in the order of its mobility; the one the service could not record is sent again
 * (the only duplicate), and the receiver's dedupe by webhook-id leaves exactly one effect per event.
 */
class WebhookCrashIT {

    private static final String LYON = "univ-lyon1.fr";
    private static final List<String> LIFE = List.of("passerelle.mobility.MobilityNominated.v1",
            "passerelle.mobility.MobilityAccepted.v1", "passerelle.mobility.MobilityStarted.v1");
    private static final int MOBILITIES = 5;
    private static final int FAILURES_BEFORE_THE_KILL = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final OidcWiremockTestResource IDENTITY_PROVIDER = new OidcWiremockTestResource();
    private static ServiceProcess service;
    private static String jdbcUrl;
    private static String kafka;
    private static String coordinator;

    @BeforeAll
    static void startTheService() throws Exception {
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        PostgresNode postgres = PostgresResource.node();
        postgres.ensureDatabase("identity_crash");
        jdbcUrl = postgres.jdbcUrl("identity_crash");
        kafka = KafkaResource.node().bootstrapServers();
        String identityProvider = IDENTITY_PROVIDER.start().get("keycloak.url") + "/realms/quarkus";
        Path log = Path.of("target", "crash-it", "identity-service.log");
        Files.deleteIfExists(log);
        var environment = new LinkedHashMap<String, String>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", identityProvider);
        // a group of its own: another identity-service of this JVM's tests must not take the events
        environment.put("MP_MESSAGING_INCOMING_WEBHOOK_EVENTS_GROUP_ID", "identity-service-crash-it");
        environment.put("PASSERELLE_WEBHOOKS_LOCAL_TARGETS", "true");
        // retries within a second, and a lease of 4 s instead of 40, so that the test takes seconds
        environment.put("PASSERELLE_WEBHOOKS_POLL", "PT0.2S");
        environment.put("PASSERELLE_WEBHOOKS_BACKOFF_FIRST", "PT0.1S");
        environment.put("PASSERELLE_WEBHOOKS_BACKOFF_LONGEST", "PT0.8S");
        environment.put("PASSERELLE_WEBHOOKS_TIMEOUT", "PT2S");
        environment.put("PASSERELLE_WEBHOOKS_LEASE_MARGIN", "PT2S");
        environment.put("PASSERELLE_SMTP_PORT", String.valueOf(FreePorts.next()));
        service = new ServiceProcess("identity-service", Path.of("target", "quarkus-app", "quarkus-run.jar"), FreePorts.next(),
                environment, log).forTests();
        coordinator = TestTokens.of("coordinator", LYON);
        service.start();
        awaitServing();
    }

    @AfterAll
    static void stopTheService() {
        if (service != null) {
            service.stop(Duration.ofSeconds(10));
        }
        IDENTITY_PROVIDER.stop();
    }

    @Test
    void aKillInTheMiddleOfRetriesLosesNothingAndKeepsEachMobilitysOrder() throws Exception {
        try (var receiver = new PartnerReceiver()) {
            UUID subscription = subscribe(receiver.url());
            Map<String, List<String>> sent = sendLives();
            int events = MOBILITIES * LIFE.size();

            // the receiver is down: every delivery is queued, the first of each mobility retried again and again
            awaitThat(Duration.ofSeconds(60), () -> receiver.failures() >= FAILURES_BEFORE_THE_KILL
                    && count("select count(*) from webhook_delivery where subscription_id = ?", subscription) == events,
                    "the deliveries queued and retried");
            // the next request is stored by the receiver, and the service killed before it hears the answer
            String unrecorded = receiver.holdNext();
            service.kill();
            receiver.comeBack();

            assertEquals(events, count("select count(*) from webhook_delivery where subscription_id = ? and status = 'PENDING'",
                    subscription), "nothing was delivered before the kill");
            assertTrue(count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id "
                    + "where d.subscription_id = ?", subscription) >= FAILURES_BEFORE_THE_KILL, "the failed attempts are recorded");

            service.start();
            awaitServing();
            awaitThat(Duration.ofSeconds(60), () -> count("select count(*) from webhook_delivery where subscription_id = ? "
                    + "and status = 'DELIVERED'", subscription) == events, "every delivery recorded as delivered");

            assertEquals(events, receiver.effects.size(), "each event has one effect: " + receiver.effects);
            sent.forEach((mobility, ids) -> assertEquals(ids, receiver.effectsOf(mobility), "the order of mobility " + mobility));
            assertEquals(Map.of(unrecorded, 2), receiver.received(2),
                    "only the delivery the service could not record came twice");
            assertEquals(0, count("select count(*) from webhook_delivery where subscription_id = ? and status <> 'DELIVERED'",
                    subscription));
        }
    }

    /** Five mobilities of Lyon, each nominated, accepted and started, published in that order; their ids by mobility. */
    private static Map<String, List<String>> sendLives() throws Exception {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        List<String> mobilities = new ArrayList<>();
        for (int i = 0; i < MOBILITIES; i++) {
            mobilities.add(UUID.randomUUID().toString());
        }
        for (String type : LIFE) {
            for (String mobility : mobilities) {
                UUID id = UUID.randomUUID();
                TestEvents.sendTo(kafka, "mobility.mobility.events", id, type, mobility, JSON.writeValueAsString(Map.of(
                        "mobilityId", mobility, "personId", UUID.randomUUID().toString(), "academicYear", "2027/2028",
                        "mobilityType", "SUMMER_TRAINING", "sendingInstitution", LYON, "receivingInstitution", "sjtu.edu.cn",
                        "at", Instant.now().toString())));
                sent.computeIfAbsent(mobility, m -> new ArrayList<>()).add(id.toString());
            }
        }
        return sent;
    }

    private static UUID subscribe(String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/webhooks/subscriptions"))
                .header("Authorization", "Bearer " + coordinator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", url)))).build();
        var answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        return UUID.fromString(JSON.readTree(answer.body()).path("id").asText());
    }

    /**
     * A partner's receiver that stores each event before answering and dedupes by webhook-id, as docs/api/webhooks.md
     * asks: first down (500), then holding one request while the service is killed, then answering 204.
     */
    private static final class PartnerReceiver implements AutoCloseable {

        private enum Mode { DOWN, HOLD_NEXT, UP }

        private final HttpServer server;
        private volatile Mode mode = Mode.DOWN;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile String heldId;
        private final List<String> failed = new CopyOnWriteArrayList<>();
        /** Every request stored, in the order it came (a duplicate too). */
        private final List<String[]> stored = new CopyOnWriteArrayList<>();
        /** The effect of each event, once: webhook-id -> mobility. */
        final Map<String, String> effects = new ConcurrentHashMap<>();
        private final List<String> effectOrder = new CopyOnWriteArrayList<>();

        PartnerReceiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/hooks", exchange -> {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = 204;
                synchronized (this) {
                    if (mode == Mode.DOWN) {
                        failed.add(id);
                        status = 500;
                    } else {
                        store(id, body);
                    }
                    if (mode == Mode.HOLD_NEXT) {
                        mode = Mode.DOWN;
                        heldId = id;
                        held.countDown();
                    }
                }
                try {
                    if (id.equals(heldId)) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    exchange.sendResponseHeaders(status, -1);
                } catch (IOException | InterruptedException theServiceIsGone) {
                    // the service was killed while waiting for this answer
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        private void store(String id, String body) throws IOException {
            String mobility = JSON.readTree(body).path("data").path("mobilityId").asText();
            stored.add(new String[] {id, mobility});
            if (effects.putIfAbsent(id, mobility) == null) {
                effectOrder.add(id);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        int failures() {
            return failed.size();
        }

        /** Stores the next request and keeps it unanswered; its webhook-id. */
        String holdNext() throws InterruptedException {
            mode = Mode.HOLD_NEXT;
            assertTrue(held.await(30, TimeUnit.SECONDS), "no delivery came to be held");
            return heldId;
        }

        void comeBack() {
            mode = Mode.UP;
            release.countDown();
        }

        List<String> effectsOf(String mobility) {
            return effectOrder.stream().filter(id -> mobility.equals(effects.get(id))).toList();
        }

        /** The webhook-ids stored at least {@code times} times, with how many times. */
        Map<String, Integer> received(int times) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            stored.forEach(request -> counts.merge(request[0], 1, Integer::sum));
            counts.values().removeIf(n -> n < times);
            return counts;
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }

    /** Waits until the service answers an authenticated request from its database. */
    private static void awaitServing() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/webhooks/subscriptions"))
                .header("Authorization", "Bearer " + coordinator).timeout(Duration.ofSeconds(5)).GET().build();
        awaitThat(Duration.ofSeconds(120), () -> {
            assertTrue(service.isAlive(), () -> "identity-service ended; log:\n" + log());
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "identity-service serving");
    }

    private static void awaitThat(Duration atMost, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> what + ": not within " + atMost + "; log:\n" + log());
            Thread.sleep(100);
        }
    }

    private static String log() {
        try {
            return Files.readString(service.logFile());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long count(String select, Object parameter) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresNode.USER, PostgresNode.PASSWORD);
             var statement = connection.prepareStatement(select)) {
            statement.setObject(1, parameter);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
