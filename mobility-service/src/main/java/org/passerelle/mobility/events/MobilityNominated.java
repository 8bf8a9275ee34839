package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The sending side nominated a person; asks curriculum-service to hold the sessions listed. Schema: docs/events/mobility/. */
@EventType(name = "MobilityNominated", version = 1, aggregate = "mobility")
public record MobilityNominated(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        UUID personId, LocalDate plannedArrival, LocalDate plannedDeparture, List<UUID> requestedSessions, Instant nominatedAt) implements MobilityEvent {

    public static MobilityNominated of(Mobility m, Instant at) {
        return new MobilityNominated(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, m.personId, m.plannedArrival, m.plannedDeparture, m.sessions.stream().map(s -> s.sessionId).toList(), at);
    }
}
