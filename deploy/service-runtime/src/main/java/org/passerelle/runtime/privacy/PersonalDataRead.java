package org.passerelle.runtime.privacy;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone read personal data here: who (token subject and institution), what (the operation and the people whose
 * data it answered), when. identity-service keeps them in its audit log. Published by each service that answers
 * people's data, as passerelle.&lt;service&gt;.PersonalDataRead.v1; schemas in docs/events/&lt;service&gt;/.
 */
@EventType(name = "PersonalDataRead", version = 1, aggregate = "audit")
public record PersonalDataRead(String actor, String actorInstitution, String resource, List<UUID> personIds, Instant readAt) {
}
