package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** A CloudEvent in structured mode (JSON), as webhooks deliver it: the attributes and the data in one document. */
final class CloudEvents {

    private CloudEvents() {
    }

    static String structured(ObjectMapper json, UUID id, String type, String source, String subject, Instant time, String data) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("type", type);
        event.put("source", source);
        event.put("subject", subject);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        try {
            event.set("data", json.readTree(data));
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException("event " + id + " holds data that is not JSON", e);
        }
    }
}
