package org.passerelle.runtime.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies an incoming event at most once: in one transaction it records the event id and applies the
 * handler of its type, so a redelivered event finds its id and changes nothing. Types without a handler
 * are recorded and skipped, so that a publisher may add event types before its consumers know them.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** Handlers by CloudEvents type; returns false when the event had been handled before. */
    @Transactional
    public boolean handleOnce(ConsumerRecord<String, String> record, Map<String, Consumer<ReceivedEvent>> handlers) {
        ReceivedEvent event = ReceivedEvent.from(record);
        int firstTime = entityManager.createNativeQuery(
                        "insert into processed_event (id, type) values (?1, ?2) on conflict (id) do nothing")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .executeUpdate();
        if (firstTime == 0) {
            LOG.debugf("Event %s (%s) was handled before; skipped", event.id(), event.type());
            return false;
        }
        var handler = handlers.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
        return true;
    }

    /** The same for a consumer of one type of event, whose handler takes the event's data. */
    @Transactional
    public <T> boolean handleOnce(ConsumerRecord<String, String> record, String type, Class<T> dataType, Consumer<T> handler) {
        return handleOnce(record, Map.of(type, event -> handler.accept(data(event, dataType))));
    }

    public <T> T data(ReceivedEvent event, Class<T> payloadType) {
        return event.data(payloadType, json);
    }
}
