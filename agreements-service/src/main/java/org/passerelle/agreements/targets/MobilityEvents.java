package org.passerelle.agreements.targets;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Counts mobilities for targets from mobility-service's events (docs/events/mobility). */
@ApplicationScoped
public class MobilityEvents {

    /** The fields every mobility event carries that counting needs. */
    public record Mobility(UUID mobilityId, UUID agreementId, String academicYear, MobilityType mobilityType,
                           String sendingInstitution, String receivingInstitution) {
    }

    private static final Map<String, CountedMobility.Status> STATUS_AFTER = Map.of(
            "MobilityNominated", CountedMobility.Status.NOMINATED,
            "MobilityAccepted", CountedMobility.Status.ACCEPTED,
            "MobilityRejected", CountedMobility.Status.REJECTED,
            "MobilityCancelled", CountedMobility.Status.CANCELLED,
            "MobilitySeatRefused", CountedMobility.Status.SEAT_REFUSED,
            "MobilityStarted", CountedMobility.Status.IN_PROGRESS,
            "MobilityCompleted", CountedMobility.Status.COMPLETED);

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Incoming("mobility-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, handlers);
    }

    /** One handler per mobility event type, built once rather than for every record. */
    private final Map<String, Consumer<ReceivedEvent>> handlers = STATUS_AFTER.entrySet().stream().collect(Collectors.toMap(
            e -> "passerelle.mobility." + e.getKey() + ".v1",
            e -> event -> record(events.data(event, Mobility.class), e.getValue(), event)));

    /** The events of one mobility arrive in order (one partition per mobility), so the last one tells its status. */
    void record(Mobility event, CountedMobility.Status status, ReceivedEvent received) {
        var known = entityManager.find(CountedMobility.class, event.mobilityId());
        var mobility = known != null ? known : new CountedMobility();
        mobility.mobilityId = event.mobilityId();
        mobility.agreementId = event.agreementId();
        mobility.academicYear = event.academicYear();
        mobility.mobilityType = event.mobilityType();
        mobility.sendingInstitution = event.sendingInstitution();
        mobility.receivingInstitution = event.receivingInstitution();
        mobility.status = status;
        mobility.changedAt = received.time();
        if (known == null) {
            entityManager.persist(mobility);   // after the fields are set: the insert takes them as they are now
        }
    }
}
