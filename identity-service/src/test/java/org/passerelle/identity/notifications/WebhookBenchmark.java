package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.EventTopics;
import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Webhook deliveries of the packaged identity-service under load, measured (a program, not a test: its name matches
 * neither surefire's nor failsafe's patterns, so the suite never runs it). Run on demand (docs/performance.md):
 *
 * <pre>./mvnw -q -B verify -pl identity-service -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=WebhookBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.args="50 60 600 5"</pre>
 *
 * Arguments: events per second (50), seconds measured at that rate (60), seconds of the receivers' outage (600),
 * events per second during the outage (5). Twenty subscriptions hear every event (ten of each institution of the
 * mobilities): fifteen healthy receivers, three whose port refuses connections and two that never answer (each
 * attempt waits for the 10 s timeout). The service runs with its production settings (retries from 10 s doubling to
 * an hour, 4 deliveries in flight per subscription, 32 senders).
 *
 * <ol>
 *   <li>Steady: {@code rate} events per second for {@code seconds}, after 20 s of warm-up; the latency runs from the
 *   event's publication to Kafka (the outbox relay's own latency, measured by RelayLatencyBenchmark, comes before it)
 *   to its arrival at each healthy receiver.</li>
 *   <li>Outage: the healthy receivers answer 503 for {@code outage} seconds while events go on at {@code outageRate};
 *   then they answer again, and the program waits until each has every event.</li>
 * </ol>
 * Each phase checks that every healthy receiver got every event, in the order of each mobility, and counts
 * duplicates; it prints the CPU time per event of the service, PostgreSQL and this JVM (Kafka broker, receivers).
 */
public final class WebhookBenchmark {

    private static final String LYON = "univ-lyon1.fr";
    private static final String SJTU = "sjtu.edu.cn";
    private static final String TOPIC = "mobility.mobility.events";
    private static final List<String> TYPES = List.of("Nominated", "Accepted", "Started", "Completed");
    private static final int MOBILITIES = 200;
    private static final int HEALTHY = 15;
    private static final int REFUSING = 3;
    private static final int SILENT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Publication time (nanoTime) of each event. */
    private static final Map<String, Long> published = new ConcurrentHashMap<>();
    /** The events of each mobility in the order they were published. */
    private static final Map<String, List<String>> lives = new ConcurrentHashMap<>();
    private static final List<String> mobilities = new ArrayList<>();
    private static final Map<String, Integer> nextType = new ConcurrentHashMap<>();

    @Test
    void deliveries() throws Exception {
        main(System.getProperty("bench.args", "50 60 600 5").trim().split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int outage = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int outageRate = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int warmUp = Integer.getInteger("bench.warmup", 20);
        for (int i = 0; i < MOBILITIES; i++) {
            mobilities.add(UUID.randomUUID().toString());
        }

        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        // its own PostgreSQL and broker: no other test's events or rows
        PostgresNode postgres = PostgresNode.temporary();
        postgres.start();
        postgres.ensureDatabase("identity_bench");
        KafkaNode broker = KafkaNode.temporary();
        broker.start();
        String kafka = broker.bootstrapServers();
        EventTopics.create(kafka, EventTopics.declaredIn(EventTopics.catalogueFrom(Path.of(""))));
        var identityProvider = new OidcWiremockTestResource();
        String issuer = identityProvider.start().get("keycloak.url") + "/realms/quarkus";
        Path log = Path.of("target", "webhook-benchmark", "identity-service.log");
        Files.deleteIfExists(log);
        var environment = new LinkedHashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("identity_bench"),
                "KAFKA_BOOTSTRAP_SERVERS", kafka, "QUARKUS_OIDC_AUTH_SERVER_URL", issuer, "PASSERELLE_WEBHOOKS_LOCAL_TARGETS", "true",
                "MP_MESSAGING_INCOMING_WEBHOOK_EVENTS_GROUP_ID", "identity-service-benchmark",
                "PASSERELLE_SMTP_PORT", String.valueOf(FreePorts.next())));
        // -Dbench.senders=64, -Dbench.per-subscription=8: the dispatcher's settings, to try others than the defaults
        for (String setting : List.of("senders", "per-subscription")) {
            String value = System.getProperty("bench." + setting);
            if (value != null) {
                environment.put("PASSERELLE_WEBHOOKS_" + setting.replace('-', '_').toUpperCase(), value);
            }
        }
        var service = new ServiceProcess("identity-service", Path.of("target", "quarkus-app", "quarkus-run.jar"), FreePorts.next(),
                environment, log);
        List<Receiver> healthy = new ArrayList<>();
        List<HttpServer> silent = new ArrayList<>();
        var report = new StringBuilder();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
            service.start();
            awaitServing(service);
            for (int i = 0; i < HEALTHY; i++) {
                healthy.add(new Receiver());
            }
            List<String> urls = new ArrayList<>(healthy.stream().map(Receiver::url).toList());
            for (int i = 0; i < REFUSING; i++) {
                urls.add("http://127.0.0.1:" + FreePorts.next() + "/hooks");
            }
            for (int i = 0; i < SILENT; i++) {
                HttpServer server = silentServer();
                silent.add(server);
                urls.add("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
            }
            for (int i = 0; i < urls.size(); i++) {
                subscribe(service, i % 2 == 0 ? LYON : SJTU, urls.get(i));
            }
            line(report, "20 subscriptions: %d healthy, %d refusing connections, %d never answering; %d mobilities; settings %s",
                    HEALTHY, REFUSING, SILENT, MOBILITIES, environment.keySet().stream().filter(k -> k.startsWith("PASSERELLE_WEBHOOKS_")
                            && !k.endsWith("LOCAL_TARGETS")).map(k -> k + "=" + environment.get(k)).toList());

            publish(producer, rate, warmUp);
            awaitThat(Duration.ofMinutes(5), () -> healthy.stream().allMatch(r -> r.hasAll(published.keySet())), "the warm-up delivered");
            healthy.forEach(Receiver::forgetLatencies);

            var cpuBefore = CpuTime.sample(service.pid(), postmaster(postgres));
            long start = System.nanoTime();
            int steadyEvents = publish(producer, rate, seconds);
            awaitThat(Duration.ofMinutes(10), () -> healthy.stream().allMatch(r -> r.hasAll(published.keySet())), "the steady phase delivered");
            double elapsed = (System.nanoTime() - start) / 1e9;
            var cpu = CpuTime.sample(service.pid(), postmaster(postgres)).minus(cpuBefore);
            List<Long> latencies = new ArrayList<>();
            healthy.forEach(r -> latencies.addAll(r.latenciesMillis));
            long deliveries = latencies.size();
            line(report, "steady: %d events at %d/s for %d s, %d deliveries to the healthy receivers in %.1f s (%.0f deliveries/s)",
                    steadyEvents, rate, seconds, deliveries, elapsed, deliveries / elapsed);
            line(report, "  publication -> received, healthy receivers: p50 %d ms, p99 %d ms, max %d ms",
                    percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
            line(report, "  CPU per event (ms): %s", cpu.perUnit(steadyEvents));
            line(report, "  CPU per delivery to a healthy receiver (ms): %s", cpu.perUnit(deliveries));
            line(report, "  order per mobility kept: %s; duplicates: %d", ordered(healthy), duplicates(healthy));

            healthy.forEach(r -> r.down = true);
            long outageStart = System.nanoTime();
            int outageEvents = publish(producer, outageRate, outage);
            healthy.forEach(r -> r.down = false);
            long back = System.nanoTime();
            line(report, "outage: the healthy receivers answered 503 for %d s while %d events came (%d/s); %d refused attempts",
                    (back - outageStart) / 1_000_000_000L, outageEvents, outageRate, healthy.stream().mapToLong(r -> r.refused.get()).sum());
            awaitThat(Duration.ofHours(2), () -> healthy.stream().allMatch(r -> r.hasAll(published.keySet())), "the outage's events delivered");
            line(report, "  all delivered %.1f s after the receivers came back; order per mobility kept: %s; duplicates: %d; "
                            + "effects after dedupe by webhook-id: %d per receiver for %d events",
                    (System.nanoTime() - back) / 1e9, ordered(healthy), duplicates(healthy), healthy.get(0).effects.size(), published.size());
            line(report, "  still pending for the dead subscriptions: %s", pending(postgres));
        } finally {
            System.out.println(report);
            Files.createDirectories(log.getParent());
            Files.writeString(log.resolveSibling("figures.txt"), report);
            service.stop(Duration.ofSeconds(10));
            healthy.forEach(Receiver::close);
            silent.forEach(server -> server.stop(0));
            identityProvider.stop();
            broker.stop();
            postgres.stop();
        }
    }

    /** Publishes events at the rate for the seconds, each the next step of one of the mobilities; how many. */
    private static int publish(KafkaProducer<String, String> producer, int rate, int seconds) throws Exception {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        int count = rate * seconds;
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.sleep(0, 200_000);
            }
            next += interval;
            String mobility = mobilities.get(i % MOBILITIES);
            String type = "passerelle.mobility.Mobility" + TYPES.get(nextType.merge(mobility, 1, Integer::sum) % TYPES.size()) + ".v1";
            String id = UUID.randomUUID().toString();
            String data = JSON.writeValueAsString(Map.of("mobilityId", mobility, "academicYear", "2027/2028",
                    "mobilityType", "SUMMER_TRAINING", "sendingInstitution", LYON, "receivingInstitution", SJTU,
                    "at", Instant.now().toString()));
            lives.computeIfAbsent(mobility, m -> new CopyOnWriteArrayList<>()).add(id);
            published.put(id, System.nanoTime());
            sends.add(producer.send(record(id, type, mobility, data)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        return count;
    }

    private static ProducerRecord<String, String> record(String id, String type, String subject, String data) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/passerelle/mobility"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(subject));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(TOPIC, null, subject, data, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A partner's receiver: stores each event once (dedupe by webhook-id), notes its latency, or answers 503 when down. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        volatile boolean down;
        final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        final Map<String, Boolean> effects = new ConcurrentHashMap<>();
        final List<String> arrivals = new CopyOnWriteArrayList<>();
        final List<Long> latenciesMillis = new CopyOnWriteArrayList<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hooks", exchange -> {
                long now = System.nanoTime();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                exchange.getRequestBody().readAllBytes();
                if (down) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    arrivals.add(id);
                    if (effects.putIfAbsent(id, true) == null) {
                        latenciesMillis.add((now - published.get(id)) / 1_000_000);
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        boolean hasAll(java.util.Set<String> ids) {
            return effects.keySet().containsAll(ids);
        }

        void forgetLatencies() {
            latenciesMillis.clear();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A receiver that accepts the connection and never answers: each attempt ends at the sender's timeout. */
    private static HttpServer silentServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", exchange -> {
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    /** True when each receiver got the events of each mobility, first arrivals, in the order they were published. */
    private static boolean ordered(List<Receiver> receivers) {
        for (Receiver receiver : receivers) {
            Map<String, List<String>> byMobility = new LinkedHashMap<>();
            var seen = new java.util.HashSet<String>();
            Map<String, String> mobilityOf = new java.util.HashMap<>();
            lives.forEach((mobility, ids) -> ids.forEach(id -> mobilityOf.put(id, mobility)));
            for (String id : receiver.arrivals) {
                if (seen.add(id)) {
                    byMobility.computeIfAbsent(mobilityOf.get(id), m -> new ArrayList<>()).add(id);
                }
            }
            for (var life : lives.entrySet()) {
                if (!life.getValue().equals(byMobility.getOrDefault(life.getKey(), List.of()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long duplicates(List<Receiver> receivers) {
        return receivers.stream().mapToLong(r -> r.arrivals.size() - r.effects.size()).sum();
    }

    private static String pending(PostgresNode postgres) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("identity_bench"), PostgresNode.USER, PostgresNode.PASSWORD);
             var select = c.prepareStatement("select status, count(*) from webhook_delivery group by status order by status");
             var rows = select.executeQuery()) {
            var counts = new StringBuilder();
            while (rows.next()) {
                counts.append(rows.getString(1)).append(' ').append(rows.getLong(2)).append("; ");
            }
            return counts.toString();
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static void subscribe(ServiceProcess service, String institution, String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/webhooks/subscriptions"))
                .header("Authorization", "Bearer " + TestTokens.of("coordinator", institution))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", url)))).build();
        var answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + answer.body());
        }
    }

    private static void awaitServing(ServiceProcess service) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/webhooks/subscriptions"))
                .header("Authorization", "Bearer " + TestTokens.of("coordinator", LYON)).GET().build();
        awaitThat(Duration.ofMinutes(2), () -> {
            if (!service.isAlive()) {
                throw new IllegalStateException("identity-service ended, see " + service.logFile());
            }
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException | InterruptedException starting) {
                return false;
            }
        }, "identity-service serving");
    }

    private static void awaitThat(Duration atMost, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not within " + atMost);
            }
            Thread.sleep(50);
        }
    }

    private static long postmaster(PostgresNode postgres) throws IOException {
        return Long.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0).trim());
    }

    private static void line(StringBuilder report, String format, Object... values) {
        String text = String.format(format, values);
        System.out.println(text);
        report.append(text).append('\n');
    }

    /** CPU time (utime + stime from /proc) of the service, of PostgreSQL with its backends, and of this JVM. */
    private record CpuTime(Map<String, Long> ticks) {

        static CpuTime sample(long service, long postmaster) throws IOException {
            Map<String, Long> ticks = new TreeMap<>();
            long self = ProcessHandle.current().pid();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(dir.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(dir.getFileName().toString());
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long parent = Long.parseLong(fields[1]);
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    if (pid == service) {
                        ticks.merge("identity-service", used, Long::sum);
                    } else if (pid == postmaster || parent == postmaster) {
                        // with the backends of closed connections (cutime, cstime)
                        ticks.merge("PostgreSQL", used + (pid == postmaster
                                ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0), Long::sum);
                    } else if (pid == self) {
                        ticks.merge("benchmark JVM (Kafka broker, receivers)", used, Long::sum);
                    }
                }
            }
            return new CpuTime(ticks);
        }

        CpuTime minus(CpuTime before) {
            Map<String, Long> difference = new TreeMap<>();
            ticks.forEach((group, value) -> difference.put(group, value - before.ticks.getOrDefault(group, 0L)));
            return new CpuTime(difference);
        }

        String perUnit(double units) {
            List<String> parts = new ArrayList<>();
            ticks.forEach((group, value) -> parts.add(String.format("%s %.2f", group, value * 10.0 / units)));
            return String.join(", ", parts);
        }
    }

}
