package org.passerelle.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.passerelle.devstack.EventTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event on the platform's topics, read from the beginning by a plain consumer that belongs to no group,
 * so that what the services did can be checked against what they said. The relay publishes at least once: an
 * event id may come twice on its topic, and its first delivery is the one that counts.
 */
final class PublishedEvents {

    /** One event as the topic holds it: the CloudEvents headers and the data. */
    record Event(String topic, int partition, long offset, String id, String type, String subject, JsonNode data) {

        /** The event's name without its prefix and version: "MobilityNominated". */
        String name() {
            String[] parts = type.split("\\.");
            return parts.length >= 2 ? parts[parts.length - 2] : type;
        }

        String text(String field) {
            return data.path(field).asText(null);
        }
    }

    /** A topic-partition that a consumer group has not read to its end. */
    record Lag(String group, String topic, int partition, long committed, long end) {
        @Override
        public String toString() {
            return group + " on " + topic + "-" + partition + ": committed " + committed + " of " + end;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> all;
    private final Map<String, Long> deadLetters;

    private PublishedEvents(List<Event> all, Map<String, Long> deadLetters) {
        this.all = all;
        this.deadLetters = deadLetters;
    }

    /** The event topics and dead-letter topics declared in docs/events/asyncapi.yaml. */
    static List<String> declaredTopics() throws Exception {
        return EventTopics.declaredIn(Platform.ROOT.resolve("docs/events/asyncapi.yaml")).stream().map(EventTopics.Topic::name).toList();
    }

    /** Reads every declared topic to its current end. */
    static PublishedEvents readAll(String bootstrapServers) throws Exception {
        var events = new ArrayList<Event>();
        var deadLetters = new TreeMap<String, Long>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new StringDeserializer(), new StringDeserializer())) {
            var existing = consumer.listTopics(Duration.ofSeconds(20));
            var partitions = new ArrayList<TopicPartition>();
            for (String topic : declaredTopics()) {
                if (existing.containsKey(topic)) {   // a topic nobody wrote to yet does not exist (auto-created on first use)
                    existing.get(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topics to their end within a minute: " + ends);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().endsWith(".dead-letters")) {
                        deadLetters.merge(record.topic(), 1L, Long::sum);
                    } else {
                        events.add(event(record));
                    }
                }
            }
        }
        return new PublishedEvents(events, deadLetters);
    }

    private static Event event(ConsumerRecord<String, String> record) {
        try {
            return new Event(record.topic(), record.partition(), record.offset(), header(record, "ce_id"), header(record, "ce_type"),
                    header(record, "ce_subject"), JSON.readTree(record.value()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records per dead-letter topic that has any. */
    Map<String, Long> deadLetters() {
        return deadLetters;
    }

    /** Every record as delivered, repeats included. */
    List<Event> delivered() {
        return all;
    }

    /**
     * Each event once, at its first delivery, in the order of its topic and partition: the order in which the
     * events of one aggregate were committed (one partition per aggregate key).
     */
    List<Event> distinct() {
        var first = new LinkedHashMap<String, Event>();
        for (Event event : all) {
            first.putIfAbsent(event.topic() + " " + event.id(), event);
        }
        return List.copyOf(first.values());
    }

    /** The distinct events of one topic, grouped by the value of a data field (the aggregate), each group in order. */
    Map<String, List<Event>> byAggregate(String topic, String idField) {
        return distinct().stream().filter(e -> e.topic().equals(topic))
                .collect(Collectors.groupingBy(e -> String.valueOf(e.text(idField)), LinkedHashMap::new, Collectors.toList()));
    }

    /** The distinct events of the given names on one topic. */
    List<Event> named(String topic, Collection<String> names) {
        return distinct().stream().filter(e -> e.topic().equals(topic) && names.contains(e.name())).toList();
    }

    /** Ids delivered more than once on a topic, with how many times. */
    Map<String, Long> repeats() {
        return all.stream().collect(Collectors.groupingBy(e -> e.topic() + " " + e.id(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Repeats of one id that differ from its first delivery: a repeat must be the same event, not a new one under an old id. */
    List<String> repeatsThatDiffer() {
        var first = new HashMap<String, Event>();
        var differences = new ArrayList<String>();
        for (Event event : all) {
            Event earlier = first.putIfAbsent(event.topic() + " " + event.id(), event);
            if (earlier != null && !(earlier.type().equals(event.type()) && earlier.data().equals(event.data())
                    && String.valueOf(earlier.subject()).equals(String.valueOf(event.subject())))) {
                differences.add("event " + event.id() + " on " + event.topic() + " delivered at offset " + earlier.offset()
                        + " as " + earlier.type() + " " + earlier.data() + " and again at offset " + event.offset() + " as "
                        + event.type() + " " + event.data());
            }
        }
        return differences;
    }

    /**
     * The partitions of {@code subscriptions} (consumer group -> topics) that the group has not read to their end,
     * by its committed offsets: an event there has not reached the consumer, or reached it without being handled.
     */
    static List<Lag> lagging(String bootstrapServers, Map<String, List<String>> subscriptions)
            throws ExecutionException, InterruptedException {
        var lags = new ArrayList<Lag>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = new ArrayList<TopicPartition>();
            // a topic nothing was published on yet may not exist: no consumer can lag behind it
            var existing = admin.listTopics().names().get();
            var described = admin.describeTopics(subscriptions.values().stream().flatMap(List::stream).distinct()
                            .filter(existing::contains).toList())
                    .allTopicNames().get();
            described.forEach((topic, description) -> description.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get();
            for (var subscription : subscriptions.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(subscription.getKey())
                        .partitionsToOffsetAndMetadata().get();
                for (TopicPartition partition : partitions) {
                    if (!subscription.getValue().contains(partition.topic())) {
                        continue;
                    }
                    long end = ends.get(partition).offset();
                    OffsetAndMetadata offset = committed.get(partition);
                    long at = offset == null ? 0 : offset.offset();
                    if (at < end) {
                        lags.add(new Lag(subscription.getKey(), partition.topic(), partition.partition(), at, end));
                    }
                }
            }
        }
        return lags;
    }
}
