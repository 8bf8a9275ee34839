package org.passerelle.runtime.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.passerelle.devstack.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads what reached a topic, as a downstream service would, for the tests to look at. */
final class EventsOnKafka {

    private EventsOnKafka() {
    }

    /**
     * The records of the given keys, from the start of the topic, once {@code expected} of them arrived (or the
     * timeout passed) and one more second went by without more, so that a duplicate would show.
     */
    static List<ConsumerRecord<String, String>> read(String topic, java.util.Collection<String> keys, int expected,
                                                     Duration timeout) throws Exception {
        var all = read(topic, seen -> seen.stream().filter(r -> keys.contains(r.key())).count() >= expected, timeout,
                Duration.ofSeconds(1));
        return all.stream().filter(r -> keys.contains(r.key())).toList();
    }

    static List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> enough,
                                                     Duration timeout, Duration settle) throws Exception {
        var settings = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.node().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !enough.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            long settleUntil = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settleUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
