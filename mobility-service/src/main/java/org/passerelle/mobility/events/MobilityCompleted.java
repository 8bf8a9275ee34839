package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Departure confirmed: the mobility is completed. Schema: docs/events/mobility/. */
@EventType(name = "MobilityCompleted", version = 1, aggregate = "mobility")
public record MobilityCompleted(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        LocalDate departedOn, Instant completedAt) implements MobilityEvent {

    public static MobilityCompleted of(Mobility m, Instant at) {
        return new MobilityCompleted(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, m.departedOn, at);
    }
}
