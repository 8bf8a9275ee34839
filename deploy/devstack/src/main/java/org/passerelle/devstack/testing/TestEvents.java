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
        sendTo(KafkaResource.node().bootstrapServers(), topic, id, type, subject, data);
    }

    /** To any broker, e.g. the one of an end-to-end test. */
    public static void sendTo(String bootstrapServers, String topic, UUID id, String type, String subject, String data)
            throws Exception {
        produce(bootstrapServers, java.util.List.of(record(topic, id, type, subject, data)));
    }

    /** Many events of one type through one producer (subject -> data), each with a new id, acknowledged. */
    public static void sendAllTo(String bootstrapServers, String topic, String type, Map<String, String> dataBySubject)
            throws Exception {
        produce(bootstrapServers, dataBySubject.entrySet().stream()
                .map(e -> record(topic, UUID.randomUUID(), type, e.getKey(), e.getValue())).toList());
    }

    private static void produce(String bootstrapServers, java.util.List<ProducerRecord<String, String>> records) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            var sends = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (var record : records) {
                sends.add(producer.send(record));
            }
            for (var send : sends) {
                send.get();
            }
        }
    }

    private static ProducerRecord<String, String> record(String topic, UUID id, String type, String subject, String data) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id.toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/passerelle/" + type.split("\\.")[1]));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(subject));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, subject, data, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
