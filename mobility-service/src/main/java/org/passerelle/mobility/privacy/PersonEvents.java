package org.passerelle.mobility.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.mobility.people.KnownPeople;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;
import org.passerelle.runtime.privacy.PersonErased;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * identity-service's person events (docs/events/identity): registered and changed people are kept in the copy
 * nominations are checked against (KnownPeople); an erased person is erased here too, and forgotten.
 */
@ApplicationScoped
public class PersonEvents {

    /** The data of PersonRegistered v1 and PersonChanged v1 that this service reads. */
    public record Person(UUID personId, String kind, String institution, List<String> identifierFingerprints,
                         Instant registeredAt, Instant changedAt) {

        Instant at() {
            return changedAt != null ? changedAt : registeredAt;
        }
    }

    @Inject
    IncomingEvents events;

    @Inject
    PersonErasure erasure;

    @Inject
    KnownPeople people;

    @Incoming("person-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.identity.PersonRegistered.v1", e -> known(events.data(e, Person.class)),
                "passerelle.identity.PersonChanged.v1", e -> known(events.data(e, Person.class)),
                PersonErased.TYPE, e -> {
                    var erased = events.data(e, PersonErased.class);
                    erasure.erase(erased);
                    people.forget(erased.personId());
                }));
    }

    private void known(Person person) {
        people.record(person.personId(), person.kind(), person.institution(), person.identifierFingerprints(), person.at());
    }
}
