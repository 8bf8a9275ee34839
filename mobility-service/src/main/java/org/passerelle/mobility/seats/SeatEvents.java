package org.passerelle.mobility.seats;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityService;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * curriculum-service's answers to the seat requests of nominations (docs/events/curriculum): held and released
 * seats show on the mobility's sessions; a refusal is the seat saga's compensation (MobilityService.seatsRefused).
 */
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

    @Inject
    MobilityService mobilities;

    /** The answers of one mobility arrive in order (key = mobility id); a mobility unknown here is skipped. */
    @Incoming("seat-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.curriculum.SeatsHeld.v1", e -> {
                    var held = events.data(e, Held.class);
                    mobility(held.mobilityId()).ifPresent(m -> m.seatsHeld(held.sessions()));
                },
                "passerelle.curriculum.SeatsRefused.v1", e -> {
                    var refused = events.data(e, Refused.class);
                    mobilities.seatsRefused(refused.mobilityId(), refused.refusals().stream()
                            .map(r -> new Mobility.SeatRefusal(r.sessionId(), r.reason())).toList());
                },
                "passerelle.curriculum.SeatsReleased.v1", e -> {
                    var released = events.data(e, Released.class);
                    mobility(released.mobilityId()).ifPresent(m -> m.seatsReleased(released.sessions(), released.reason()));
                }));
    }

    private Optional<Mobility> mobility(UUID id) {
        return Optional.ofNullable(entityManager.find(Mobility.class, id));
    }
}
