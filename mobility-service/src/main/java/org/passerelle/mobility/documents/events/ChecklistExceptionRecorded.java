package org.passerelle.mobility.documents.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The international office let a mobility start although lines of its checklist were not met: the audit record of
 * that exception, with its reason and the lines it overrode. Schema: docs/events/mobility/.
 */
@EventType(name = "ChecklistExceptionRecorded", version = 1, aggregate = "mobility")
public record ChecklistExceptionRecorded(UUID mobilityId, String reason, List<String> unmetRequirements, Instant recordedAt) {
}
