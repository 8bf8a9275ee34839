package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** A test delivery: a signed WebhookPing event sent now, neither queued nor retried. */
@ApplicationScoped
public class Ping {

    public static final String TYPE = "passerelle.identity.WebhookPing.v1";

    public record Sent(UUID eventId, Deliveries.Outcome outcome) {
    }

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper json;

    public Sent send(Subscription subscription) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String data = json.createObjectNode().put("subscriptionId", subscription.id().toString())
                .put("institution", subscription.institution()).put("sentAt", now.toString()).toString();
        String body = CloudEvents.structured(json, id, TYPE, "/passerelle/identity", subscription.id().toString(), now, data);
        return new Sent(id, sender.send(subscription, id, body));
    }
}
