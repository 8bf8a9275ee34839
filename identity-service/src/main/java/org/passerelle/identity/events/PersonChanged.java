package org.passerelle.identity.events;

import org.passerelle.identity.Person;
import org.passerelle.identity.PersonKind;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's details changed: their kind, institution and identifiers as they are now (the identifiers as
 * fingerprints, never the values: see docs/adr/0008). Schema: docs/events/identity/.
 */
@EventType(name = "PersonChanged", version = 1, aggregate = "person")
public record PersonChanged(UUID personId, PersonKind kind, String institution, List<String> identifierFingerprints,
                            Instant changedAt) implements PersonEvent {

    public static PersonChanged of(Person person, List<String> identifierFingerprints, Instant at) {
        return new PersonChanged(person.id, person.kind, person.institution, identifierFingerprints, at);
    }
}
