package org.passerelle.agreements.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;
import org.passerelle.runtime.privacy.ErasedValues;
import org.passerelle.runtime.privacy.PersonErased;

import java.util.List;

/**
 * identity-service's person events (docs/events/identity). Agreements are between institutions: approvals name a
 * party, never a person, and targets count mobilities by id. What names a person here is the account (token
 * subject) of a request sent with an Idempotency-Key: its stored answer is forgotten when that person is erased.
 */
@ApplicationScoped
public class PersonEvents {

    private static final Logger LOG = Logger.getLogger(PersonEvents.class);

    @Inject
    IncomingEvents events;

    @Inject
    ErasedValues erasedValues;

    @Incoming("person-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, PersonErased.TYPE, PersonErased.class, this::erase);
    }

    private void erase(PersonErased erased) {
        // no row of this service holds a plain value of the person: only their account's stored answers go
        int answers = erasedValues.forget(erased, List.of());
        LOG.infof("Person %s erased: %d stored answers of their requests forgotten", erased.personId(), answers);
    }
}
