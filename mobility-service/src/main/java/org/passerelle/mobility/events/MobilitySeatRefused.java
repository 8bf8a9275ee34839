package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * curriculum-service refused a seat the nomination asked for: the mobility left NOMINATED for SEAT_REFUSED, its
 * quota place is freed, and curriculum-service frees the seats it did hold. Schema: docs/events/mobility/.
 */
@EventType(name = "MobilitySeatRefused", version = 1, aggregate = "mobility")
public record MobilitySeatRefused(
        UUID mobilityId, UUID agreementId, UUID conditionId, String academicYear, String mobilityType,
        String sendingInstitution, String receivingInstitution,
        List<Mobility.SeatRefusal> refusals, String reason, Instant seatRefusedAt) implements MobilityEvent {

    public static MobilitySeatRefused of(Mobility m, List<Mobility.SeatRefusal> refusals, Instant at) {
        return new MobilitySeatRefused(m.id, m.agreementId, m.conditionId, m.academicYear, m.mobilityType, m.sendingInstitution,
                m.receivingInstitution, List.copyOf(refusals), m.statusReason, at);
    }
}
