package org.passerelle.identity.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person was erased: every service deletes or anonymises what it holds about them. No name, email or identifier
 * in plain text, only their fingerprints (org.passerelle.runtime.privacy.Fingerprints). Schema: docs/events/identity/.
 */
@EventType(name = "PersonErased", version = 1, aggregate = "person")
public record PersonErased(UUID personId, List<String> fingerprints, Instant erasedAt) implements PersonEvent {
}
