package org.passerelle.curriculum.institutions;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.runtime.events.ReceivedEvent;
import org.passerelle.runtime.security.KnownInstitutionCodes;

/**
 * The institutions a caller may act for, kept from identity-service's institution events (docs/events/identity):
 * a token naming none of them is refused every operation (the runtime's KnownInstitutionRequired).
 */
@ApplicationScoped
public class KnownInstitutions extends KnownInstitutionCodes {

    @Incoming("institution-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consumeInstitutionEvent(ConsumerRecord<String, String> record) {
        consume(record);
    }
}
