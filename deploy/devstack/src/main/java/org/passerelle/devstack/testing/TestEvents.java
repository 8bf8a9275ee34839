package org.passerelle.devstack.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Sends CloudEvents to the test broker the way a publishing service's relay does, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Sends the event with a new id; returns the id. */
    public static UUID send(String topic, String type, String subject, String data) throws Exception {
        UUID id = UUID.randomUUID();
        send(topic, id, type, subject, data);
        return id;
    }

    public static void send(String topic, UUID id, String type, String subject, String data) throws Exception {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id.toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/passerelle/" + type.split("\\.")[1]));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(subject));
        headers.add("content-type", bytes("application/json"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.node().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, subject, data, headers)).get();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
