package org.passerelle.runtime.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.KafkaResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox and its relay against the real PostgreSQL and Kafka of the devstack. */
@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "sample.sample.events";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    OutboxRelayLifecycle relay;

    @Test
    void committedEventsArriveAsCloudEventsInOrderPerAggregate() throws Exception {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int step = 1; step <= 3; step++) {
            ids.add(commit(a, step));
            ids.add(commit(b, step));
        }

        var records = arrivals(List.of(a, b), 6);
        var ofA = records.stream().filter(r -> r.key().equals(a)).toList();
        assertEquals(3, ofA.size());
        assertEquals(List.of(1, 2, 3), ofA.stream().map(OutboxRelayTest::step).toList(), "order of aggregate a");
        var first = ofA.get(0);
        assertEquals(ids.get(0).toString(), EventsOnKafka.header(first, "ce_id"));
        assertEquals("passerelle.sample.SampleHappened.v1", EventsOnKafka.header(first, "ce_type"));
        assertEquals("/passerelle/sample", EventsOnKafka.header(first, "ce_source"));
        assertEquals(a, EventsOnKafka.header(first, "ce_subject"));
        assertEquals("1.0", EventsOnKafka.header(first, "ce_specversion"));
        assertEquals("application/json", EventsOnKafka.header(first, "content-type"));
        assertEquals("Éloïse 王芳", JSON.readTree(first.value()).get("name").asText());
        assertEquals(0, unpublishedCount(), "every row marked published");
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        String aggregate = "rolled-back-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(aggregate, new SampleHappened(aggregate, 1, "never"));
            throw new IllegalStateException("the use case fails after writing its event");
        }));
        assertEquals(0L, count("select count(*) from outbox_event where aggregate_id = '" + aggregate + "'"));
    }

    @Test
    void publishedRowsArePurgedOnceOlderThanTheRetention() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into outbox_event (id, topic, aggregate_id, type, payload, occurred_at, published_at)
                values (?, 'sample.purge.events', 'purge', 'passerelle.sample.SampleHappened.v1', '{}',
                        now() - interval '3 days', now() - ?::interval)""")) {
            for (Object[] row : new Object[][] {{old, "2 days"}, {recent, "1 hour"}}) {
                insert.setObject(1, row[0]);
                insert.setString(2, (String) row[1]);
                insert.executeUpdate();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count("select count(*) from outbox_event where id = '" + old + "'") > 0) {
            assertTrue(System.nanoTime() < deadline, "the old published row was never purged");
            Thread.sleep(200);
        }
        assertEquals(1L, count("select count(*) from outbox_event where id = '" + recent + "'"), "a recent one stays");
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThrows(RuntimeException.class, () -> outbox.append("x", new SampleHappened("x", 1, "alone")));
    }

    @Test
    void eventsCommittedWhileKafkaIsDownArriveOnceInOrderWhenItIsBack() throws Exception {
        String aggregate = "outage-" + UUID.randomUUID();
        KafkaResource.node().stop();
        try {
            for (int step = 1; step <= 5; step++) {
                commit(aggregate, step);
            }
            Thread.sleep(1500);
            assertEquals(5L, count("select count(*) from outbox_event where published_at is null and aggregate_id = '" + aggregate + "'"),
                    "the events wait in the outbox");
        } finally {
            KafkaResource.node().start();
        }
        var records = arrivals(List.of(aggregate), 5);
        assertEquals(List.of(1, 2, 3, 4, 5), records.stream().map(OutboxRelayTest::step).toList(),
                "each event once, in order");
    }

    @Test
    void twoRelaysOnOneOutboxPublishEachEventOnceInOrder() throws Exception {
        var second = new OutboxRelay(dataSource, KafkaResource.node().bootstrapServers(), config.service(), config.relay());
        var thread = new Thread(second, "second-instance-relay");
        thread.start();
        try {
            Thread.sleep(500);
            assertNotEquals(relay.isLeader(), second.isLeader(), "exactly one instance publishes");

            List<String> aggregates = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                aggregates.add("pair-" + i + "-" + UUID.randomUUID());
            }
            for (int step = 1; step <= 10; step++) {
                for (String aggregate : aggregates) {
                    commit(aggregate, step);
                }
            }
            var records = arrivals(aggregates, 50);
            assertEquals(50, records.size());
            assertEquals(50, new HashSet<>(records.stream().map(r -> EventsOnKafka.header(r, "ce_id")).toList()).size(),
                    "no event twice");
            Map<String, Integer> lastStep = new HashMap<>();
            for (var record : records) {
                int step = step(record);
                assertEquals(lastStep.getOrDefault(record.key(), 0) + 1, step, "order of " + record.key());
                lastStep.put(record.key(), step);
            }
        } finally {
            second.stop();
            thread.join(5000);
            second.close();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static int step(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("step").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID commit(String aggregate, int step) {
        return QuarkusTransaction.requiringNew().call(
                () -> outbox.append(aggregate, new SampleHappened(aggregate, step, "Éloïse 王芳")).id);
    }

    private List<ConsumerRecord<String, String>> arrivals(List<String> aggregates, int expected) throws Exception {
        return EventsOnKafka.read(TOPIC, aggregates, expected, Duration.ofSeconds(60));
    }

    /** The relay marks rows right after Kafka acknowledged them; a reader may see them a moment earlier. */
    private long unpublishedCount() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long unpublished;
        do {
            unpublished = count("select count(*) from outbox_event where published_at is null");
        } while (unpublished > 0 && System.nanoTime() < deadline && sleep());
        return unpublished;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
