package org.passerelle.runtime.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.PostgresNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Commit-to-consumer-effect latency of the outbox relay, on a real PostgreSQL and Kafka started here.
 * A writer commits events (row + notification) at a steady rate; the relay publishes them; a consumer
 * applies each one as the services do (records its id in processed_event, in its own transaction) and
 * notes the time from the writer's commit to the consumer's commit. Then a burst measures events per second.
 *
 * Run: ./mvnw -q -pl deploy/service-runtime test-compile exec:java -Dexec.classpathScope=test \
 *        -Dexec.mainClass=org.passerelle.runtime.events.RelayLatencyBenchmark [-Dexec.args="200 30 5000"]
 * Arguments: rate (events/s), seconds at that rate, burst size.
 */
public final class RelayLatencyBenchmark {

    private static final String TOPIC = "bench.item.events";
    private static volatile boolean consuming = true;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 5000;

        try (var postgres = PostgresNode.temporary(); var kafka = KafkaNode.temporary()) {
            postgres.start();
            kafka.start();
            postgres.ensureDatabase("bench");
            var dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.jdbcUrl("bench"));
            dataSource.setUser(PostgresNode.USER);
            dataSource.setPassword(PostgresNode.PASSWORD);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/passerelle-runtime").load().migrate();

            Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
            List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
            var relay = new OutboxRelay(dataSource, kafka.bootstrapServers(), "bench", settings());
            var relayThread = new Thread(relay, "relay");
            relayThread.start();

            int total = rate * seconds + burst;
            var consumed = new CountDownLatch(total);
            var consumer = new Thread(() -> consume(kafka.bootstrapServers(), postgres.jdbcUrl("bench"), committedAt,
                    latenciesMicros, consumed), "consumer");
            consumer.start();

            try (Connection writer = DriverManager.getConnection(postgres.jdbcUrl("bench"), PostgresNode.USER, PostgresNode.PASSWORD)) {
                writer.setAutoCommit(false);
                warmUp(writer, committedAt);
                latenciesMicros.clear();

                long intervalNanos = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < rate * seconds; i++) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    commitOne(writer, committedAt, "steady-" + (i % 50));
                    next += intervalNanos;
                }
                awaitCount(latenciesMicros, rate * seconds, Duration.ofSeconds(60));
                report("steady " + rate + " events/s for " + seconds + " s", latenciesMicros);

                latenciesMicros.clear();
                long burstStart = System.nanoTime();
                for (int i = 0; i < burst; i++) {
                    commitOne(writer, committedAt, "burst-" + (i % 50));
                }
                double writeSeconds = (System.nanoTime() - burstStart) / 1e9;
                awaitCount(latenciesMicros, burst, Duration.ofSeconds(120));
                double allSeconds = (System.nanoTime() - burstStart) / 1e9;
                System.out.printf("burst of %d events: written in %.1f s (%.0f commits/s), all applied by the consumer after %.1f s: %.0f events/s end to end%n",
                        burst, writeSeconds, burst / writeSeconds, allSeconds, burst / allSeconds);
                report("burst", latenciesMicros);
            } finally {
                consuming = false;
                consumer.join(5000);
                relay.stop();
                relayThread.join(5000);
                relay.close();
            }
        }
    }

    private static void warmUp(Connection writer, Map<UUID, Long> committedAt) throws Exception {
        for (int i = 0; i < 200; i++) {
            commitOne(writer, committedAt, "warm-up");
        }
        Thread.sleep(3000);
    }

    /** One use case's commit: its event row and the notification, in one transaction. */
    private static void commitOne(Connection writer, Map<UUID, Long> committedAt, String aggregate) throws Exception {
        UUID id = UUID.randomUUID();
        try (var insert = writer.prepareStatement("""
                insert into outbox_event (id, topic, aggregate_id, type, payload, occurred_at)
                values (?, ?, ?, 'passerelle.bench.ItemChanged.v1', ?::jsonb, now())""");
             var notify = writer.prepareStatement("select pg_notify('" + OutboxRelay.CHANNEL + "', '')")) {
            insert.setObject(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, aggregate);
            insert.setString(4, "{\"item\":\"" + aggregate + "\"}");
            insert.executeUpdate();
            notify.execute();
        }
        writer.commit();
        committedAt.put(id, System.nanoTime());
    }

    private static void consume(String bootstrap, String jdbcUrl, Map<UUID, Long> committedAt, List<Long> latencies,
                                CountDownLatch consumed) {
        var settings = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
             Connection effects = DriverManager.getConnection(jdbcUrl, PostgresNode.USER, PostgresNode.PASSWORD)) {
            effects.setAutoCommit(false);
            consumer.subscribe(List.of(TOPIC));
            while (consuming) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    UUID id = UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    try (var applied = effects.prepareStatement(
                            "insert into processed_event (id, type) values (?, 'bench') on conflict (id) do nothing")) {
                        applied.setObject(1, id);
                        applied.executeUpdate();
                    }
                    effects.commit();
                    Long start = committedAt.get(id);
                    if (start != null) {
                        latencies.add((System.nanoTime() - start) / 1000);
                    }
                    consumed.countDown();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCount(List<Long> values, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void report(String label, List<Long> latenciesMicros) {
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(label + ": nothing arrived");
            return;
        }
        System.out.printf("%s: %d events, commit-to-consumer-effect latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static EventsConfig.Relay settings() {
        return new EventsConfig.Relay() {
            public boolean enabled() { return true; }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public int batchSize() { return 500; }
            public Duration maxBackoff() { return Duration.ofSeconds(10); }
            public Duration retention() { return Duration.ofDays(7); }
            public Duration purgeEvery() { return Duration.ofMinutes(10); }
        };
    }
}
