package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The receiving side rejected the nomination: the quota place and the seats are freed. Schema: docs/events/mobility/. */
@EventType(name = "MobilityRejected", version = 1, aggregate = "mobility")
public record MobilityRejected(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        String reason, Instant rejectedAt) implements MobilityEvent {

    public static MobilityRejected of(Mobility m, Instant at) {
        return new MobilityRejected(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, m.statusReason, at);
    }
}
