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

import java.time.Instant;
import java.util.UUID;

/**
 * Marks mobilities recognised, for targets that count recognition, from curriculum-service's ResultsRecognised
 * (docs/events/curriculum). The transcript topic is not the mobility topic, so a recognition may arrive before the
 * mobility's own events: it then records the mobility as completed (recognition comes only after completion), and
 * the mobility's events, when they come, set its status without touching the recognition.
 */
@ApplicationScoped
public class TranscriptEvents {

    static final String RESULTS_RECOGNISED = "passerelle.curriculum.ResultsRecognised.v1";

    /** The fields of ResultsRecognised that counting needs. */
    public record ResultsRecognised(UUID mobilityId, UUID agreementId, String academicYear, MobilityType mobilityType,
                                    String sendingInstitution, String receivingInstitution, Instant recognisedAt) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Incoming("transcript-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, RESULTS_RECOGNISED, ResultsRecognised.class, this::recognised);
    }

    void recognised(ResultsRecognised event) {
        var mobility = entityManager.find(CountedMobility.class, event.mobilityId());
        if (mobility == null) {
            mobility = new CountedMobility();
            mobility.mobilityId = event.mobilityId();
            mobility.agreementId = event.agreementId();
            mobility.academicYear = event.academicYear();
            mobility.mobilityType = event.mobilityType();
            mobility.sendingInstitution = event.sendingInstitution();
            mobility.receivingInstitution = event.receivingInstitution();
            mobility.status = CountedMobility.Status.COMPLETED;
            mobility.changedAt = event.recognisedAt();
            mobility.recognisedAt = event.recognisedAt();
            entityManager.persist(mobility);
        } else if (mobility.recognisedAt == null) {
            mobility.recognisedAt = event.recognisedAt();
        }
    }
}
