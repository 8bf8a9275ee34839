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
import org.passerelle.runtime.privacy.Fingerprints;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * identity-service's person events (docs/events/identity). Agreements are between institutions: approvals name a
 * party, never a person, and targets count mobilities by id. What names a person here is the account (token
 * subject) of a request sent with an Idempotency-Key: its stored answer is forgotten when that person is erased.
 */
@ApplicationScoped
public class PersonEvents {

    private static final Logger LOG = Logger.getLogger(PersonEvents.class);

    /** The data of PersonErased v1 that this service reads. */
    public record Erased(UUID personId, List<String> fingerprints) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ErasedValues erasedValues;

    private final Map<String, Consumer<ReceivedEvent>> handlers = Map.of(
            "passerelle.identity.PersonErased.v1", e -> erase(events.data(e, Erased.class)));

    @Incoming("person-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, handlers);
    }

    private void erase(Erased erased) {
        var prints = new HashSet<>(erased.fingerprints() == null ? List.<String>of() : erased.fingerprints());
        int answers = erasedValues.forgetCallers(caller -> fingerprints.matches(prints, Fingerprints.ACCOUNT, caller));
        LOG.infof("Person %s erased: %d stored answers of their requests forgotten", erased.personId(), answers);
    }
}
