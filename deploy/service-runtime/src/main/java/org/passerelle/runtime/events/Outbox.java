package org.passerelle.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a domain event in the transaction of the change it describes. Nothing is sent to Kafka here: the
 * {@link OutboxRelay} publishes the row once the transaction has committed, so a crash can neither lose an
 * event nor publish one whose change was rolled back.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    EventsConfig config;

    /** Appends the event; the caller's transaction is required (an event without its change means nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(Object aggregateId, Object payload) {
        EventType type = EventTypes.of(payload.getClass());
        var event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = EventTypes.topic(config.service(), type);
        event.aggregateId = String.valueOf(aggregateId);
        event.type = EventTypes.cloudEventType(config.service(), type);
        event.payload = serialize(payload);
        event.occurredAt = Instant.now();
        entityManager.persist(event);
        // delivered to the relay's LISTEN only if this transaction commits: it wakes the relay at once
        entityManager.createNativeQuery("select pg_notify('" + OutboxRelay.CHANNEL + "', '')").getSingleResult();
        return event;
    }

    private String serialize(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload " + payload.getClass().getName() + " cannot be written as JSON", e);
        }
    }
}
