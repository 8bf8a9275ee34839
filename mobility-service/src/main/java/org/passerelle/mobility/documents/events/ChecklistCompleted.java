package org.passerelle.mobility.documents.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every line of a mobility's checklist is accepted (published again if it completes again after a change). Schema: docs/events/mobility/. */
@EventType(name = "ChecklistCompleted", version = 1, aggregate = "mobility")
public record ChecklistCompleted(UUID mobilityId, List<String> requirements, Instant completedAt) {
}
