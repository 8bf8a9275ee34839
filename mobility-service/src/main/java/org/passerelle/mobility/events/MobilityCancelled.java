package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Cancelled before arrival: the quota place and the seats are freed. Schema: docs/events/mobility/. */
@EventType(name = "MobilityCancelled", version = 1, aggregate = "mobility")
public record MobilityCancelled(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        String reason, Instant cancelledAt) implements MobilityEvent {

    public static MobilityCancelled of(Mobility m, Instant at) {
        return new MobilityCancelled(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, m.statusReason, at);
    }
}
