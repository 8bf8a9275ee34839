package org.passerelle.mobility.seats;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.mobility.Mobility;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shows on each mobility curriculum-service's answer to its seat requests (docs/events/curriculum). */
@ApplicationScoped
public class SeatEvents {

    /** The data of SeatsHeld v1 that this service reads. */
    public record Held(UUID mobilityId, List<UUID> sessions) {
    }

    /** The data of SeatsRefused v1 that this service reads: a reason per session. */
    public record Refused(UUID mobilityId, List<Refusal> refusals) {
        public record Refusal(UUID sessionId, String reason) {
        }
    }

    /** The data of SeatsReleased v1 that this service reads. */
    public record Released(UUID mobilityId, List<UUID> sessions, String reason) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Incoming("seat-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.curriculum.SeatsHeld.v1", e -> {
                    var held = events.data(e, Held.class);
                    held.sessions().forEach(s -> answer(held.mobilityId(), s, Mobility.RequestedSession.Seat.HELD, null));
                },
                "passerelle.curriculum.SeatsRefused.v1", e -> {
                    var refused = events.data(e, Refused.class);
                    refused.refusals().forEach(r -> answer(refused.mobilityId(), r.sessionId(), Mobility.RequestedSession.Seat.REFUSED, r.reason()));
                },
                "passerelle.curriculum.SeatsReleased.v1", e -> {
                    var released = events.data(e, Released.class);
                    released.sessions().forEach(s -> answer(released.mobilityId(), s, Mobility.RequestedSession.Seat.RELEASED, released.reason()));
                }));
    }

    /** The answers of one mobility arrive in order (key = mobility id); a mobility unknown here is skipped. */
    private void answer(UUID mobilityId, UUID sessionId, Mobility.RequestedSession.Seat seat, String reason) {
        var mobility = entityManager.find(Mobility.class, mobilityId);
        if (mobility == null) {
            return;
        }
        mobility.sessions.stream().filter(s -> s.sessionId.equals(sessionId)).forEach(s -> {
            s.seat = seat;
            s.reason = reason;
        });
    }
}
