package org.passerelle.identity.events;

import org.passerelle.identity.Person;
import org.passerelle.identity.PersonKind;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person was registered: the other services may name them by id, and find them by their identifiers'
 * fingerprints (never the values: see docs/adr/0008). Schema: docs/events/identity/.
 */
@EventType(name = "PersonRegistered", version = 1, aggregate = "person")
public record PersonRegistered(UUID personId, PersonKind kind, String institution, List<String> identifierFingerprints,
                               Instant registeredAt) implements PersonEvent {

    public static PersonRegistered of(Person person, List<String> identifierFingerprints, Instant at) {
        return new PersonRegistered(person.id, person.kind, person.institution, identifierFingerprints, at);
    }
}
