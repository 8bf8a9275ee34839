package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The receiving side accepted the nomination. Schema: docs/events/mobility/. */
@EventType(name = "MobilityAccepted", version = 1, aggregate = "mobility")
public record MobilityAccepted(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        Instant acceptedAt) implements MobilityEvent {

    public static MobilityAccepted of(Mobility m, Instant at) {
        return new MobilityAccepted(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, at);
    }
}
