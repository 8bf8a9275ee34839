package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Arrival confirmed: the mobility is in progress. Schema: docs/events/mobility/. */
@EventType(name = "MobilityStarted", version = 1, aggregate = "mobility")
public record MobilityStarted(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        LocalDate arrivedOn, Instant startedAt) implements MobilityEvent {

    public static MobilityStarted of(Mobility m, Instant at) {
        return new MobilityStarted(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, m.arrivedOn, at);
    }
}
