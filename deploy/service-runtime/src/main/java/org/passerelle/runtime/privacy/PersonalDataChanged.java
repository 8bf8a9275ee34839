package org.passerelle.runtime.privacy;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone changed personal data here: who (token subject and institution), what (the operation, the people whose
 * data it wrote and the names of the fields it wrote, never their values), when. identity-service keeps them in its
 * audit log beside the reads. Published by each service that keeps people's data, as
 * passerelle.&lt;service&gt;.PersonalDataChanged.v1, in the transaction of the change; schemas in docs/events/&lt;service&gt;/.
 */
@EventType(name = "PersonalDataChanged", version = 1, aggregate = "audit")
public record PersonalDataChanged(String actor, String actorInstitution, String resource, List<UUID> personIds,
                                  List<String> fields, Instant changedAt) {
}
