package org.passerelle.curriculum.seats;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.curriculum.records.MobilityCopies;
import org.passerelle.curriculum.records.MobilityCopy;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds seats for nominated mobilities and frees them when a mobility is cancelled, rejected or refused a seat; keeps
 * the copy of each mobility and its approved learning agreement that transcripts are checked against
 * (records.MobilityCopies).
 */
@ApplicationScoped
public class MobilityEvents {

    /** The data of MobilityNominated v1 that this service reads (docs/events/mobility). */
    public record Nominated(UUID mobilityId, String sendingInstitution, UUID personId, List<UUID> requestedSessions) {
    }

    /** The data of MobilityCancelled v1, MobilityRejected v1 and MobilitySeatRefused v1 that this service reads. */
    public record Ended(UUID mobilityId) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    SeatLedger seats;

    @Inject
    MobilityCopies copies;

    @Incoming("mobility-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.mobility.MobilityNominated.v1", e -> {
                    copy(e, "NOMINATED");
                    nominated(events.data(e, Nominated.class));
                },
                "passerelle.mobility.MobilityAccepted.v1", e -> copy(e, "ACCEPTED"),
                "passerelle.mobility.MobilityStarted.v1", e -> copy(e, "IN_PROGRESS"),
                "passerelle.mobility.MobilityCompleted.v1", e -> copy(e, MobilityCopy.COMPLETED),
                "passerelle.mobility.MobilityCancelled.v1", e -> {
                    copy(e, "CANCELLED");
                    seats.release(events.data(e, Ended.class).mobilityId(), "MOBILITY_CANCELLED");
                },
                "passerelle.mobility.MobilityRejected.v1", e -> {
                    copy(e, "REJECTED");
                    seats.release(events.data(e, Ended.class).mobilityId(), "MOBILITY_REJECTED");
                },
                // a session was refused: the nomination ended, so the seats it did get go back too
                "passerelle.mobility.MobilitySeatRefused.v1", e -> seats.release(events.data(e, Ended.class).mobilityId(), "MOBILITY_SEAT_REFUSED"),
                "passerelle.mobility.LearningAgreementApproved.v1", e -> copies.approved(events.data(e, MobilityCopies.Approved.class))));
    }

    private void copy(ReceivedEvent event, String status) {
        copies.changed(events.data(event, MobilityCopies.MobilityData.class), status);
    }

    private void nominated(Nominated nomination) {
        List<UUID> sessions = nomination.requestedSessions() == null ? List.of() : nomination.requestedSessions();
        if (!sessions.isEmpty()) {
            seats.hold(new SeatLedger.Request(nomination.mobilityId(), nomination.sendingInstitution(),
                    nomination.personId(), sessions));
        }
    }
}
