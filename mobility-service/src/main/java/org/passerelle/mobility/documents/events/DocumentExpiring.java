package org.passerelle.mobility.documents.events;

import org.passerelle.runtime.events.EventType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder, 30 and then 7 days before an accepted document expires inside the stay or before its start: the
 * student and the coordinators of both sides are to be told (by whoever sends mail or calls webhooks). Schema:
 * docs/events/mobility/.
 */
@EventType(name = "DocumentExpiring", version = 1, aggregate = "mobility")
public record DocumentExpiring(UUID documentId, UUID mobilityId, String requirement, LocalDate validUntil, int daysBefore,
                               String sendingInstitution, String receivingInstitution, LocalDate plannedDeparture) {
}
