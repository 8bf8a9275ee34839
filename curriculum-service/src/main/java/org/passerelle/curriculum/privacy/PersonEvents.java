package org.passerelle.curriculum.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;
import org.passerelle.runtime.privacy.PersonErased;

/** identity-service's person events (docs/events/identity): an erased person is erased here too. */
@ApplicationScoped
public class PersonEvents {

    @Inject
    IncomingEvents events;

    @Inject
    PersonErasure erasure;

    @Incoming("person-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, PersonErased.TYPE, PersonErased.class, erasure::erase);
    }
}
