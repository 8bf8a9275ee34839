package org.passerelle.runtime.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A CloudEvent read from a Kafka record in binary mode: attributes from ce_* headers, JSON data in the value. */
public record ReceivedEvent(UUID id, String type, String source, String subject, Instant time, String data) {

    /** Reads the envelope; a record that is not a Passerelle CloudEvent is refused with the reason. */
    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new UnreadableEvent("no ce_id or ce_type header: not a CloudEvent in binary mode");
        }
        try {
            String time = header(record, "ce_time");
            return new ReceivedEvent(UUID.fromString(id), type, header(record, "ce_source"),
                    header(record, "ce_subject"), time == null ? null : Instant.parse(time), record.value());
        } catch (RuntimeException e) {
            throw new UnreadableEvent("malformed CloudEvent attribute: " + e.getMessage());
        }
    }

    /** The data as the given payload record; malformed data is refused with the reason. */
    public <T> T data(Class<T> payloadType, ObjectMapper json) {
        try {
            return json.readValue(data, payloadType);
        } catch (Exception e) {
            throw new UnreadableEvent("data of " + type + " is not a valid " + payloadType.getSimpleName()
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** An event that no retry can make readable: it goes to the dead-letter topic at once. */
    public static class UnreadableEvent extends RuntimeException {
        public UnreadableEvent(String reason) {
            super(reason);
        }
    }
}
