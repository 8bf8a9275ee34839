package org.passerelle.mobility.agreements;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.mobility.MobilityService;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps mobility-service's view of agreements up to date from agreements-service's events. */
@ApplicationScoped
public class AgreementEvents {

    /** A cooperation condition as AgreementActivated and AgreementAmended v1 carry it. */
    public record Condition(UUID id, String sendingInstitution, String receivingInstitution, String mobilityType,
                            int placesPerYear, String firstAcademicYear, String lastAcademicYear, Integer minimumDays,
                            Integer maximumDays) {
    }

    /** The data of AgreementActivated v1 that this service reads (docs/events/agreements). */
    public record Activated(UUID agreementId, String kind, List<String> parties, String firstAcademicYear,
                            String lastAcademicYear, String contentHash, Instant activatedAt, List<Condition> conditions) {
    }

    /** The data of AgreementAmended v1 that this service reads: the conditions in force replace the former ones. */
    public record Amended(UUID agreementId, String contentHash, String firstAcademicYear, String lastAcademicYear,
                          Instant amendedAt, List<Condition> conditions) {
    }

    /** The data of AgreementExpired v1 that this service reads. */
    public record Expired(UUID agreementId, Instant expiredAt) {
    }

    /** The data of AgreementSuspended v1 that this service reads. */
    public record Suspended(UUID agreementId, String reason, Instant suspendedAt) {
    }

    /** The data of AgreementResumed v1 that this service reads. */
    public record Resumed(UUID agreementId, Instant resumedAt) {
    }

    /** The data of AgreementTerminated v1 that this service reads. */
    public record Terminated(UUID agreementId, String reason, Instant terminatedAt) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Inject
    MobilityService mobilities;

    @Incoming("agreement-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.agreements.AgreementActivated.v1", e -> activated(events.data(e, Activated.class)),
                "passerelle.agreements.AgreementSuspended.v1", e -> {
                    var suspended = events.data(e, Suspended.class);
                    changeStatus(suspended.agreementId(), Agreement.Status.SUSPENDED, suspended.suspendedAt());
                },
                "passerelle.agreements.AgreementResumed.v1", e -> {
                    var resumed = events.data(e, Resumed.class);
                    changeStatus(resumed.agreementId(), Agreement.Status.ACTIVE, resumed.resumedAt());
                },
                "passerelle.agreements.AgreementTerminated.v1", e -> terminated(events.data(e, Terminated.class)),
                "passerelle.agreements.AgreementAmended.v1", e -> amended(events.data(e, Amended.class)),
                "passerelle.agreements.AgreementExpired.v1", e -> {
                    var expired = events.data(e, Expired.class);
                    changeStatus(expired.agreementId(), Agreement.Status.EXPIRED, expired.expiredAt());
                }));
    }

    void activated(Activated event) {
        var agreement = entityManager.find(Agreement.class, event.agreementId());
        if (agreement == null) {
            agreement = new Agreement();
            agreement.id = event.agreementId();
        }
        agreement.kind = event.kind();
        agreement.status = Agreement.Status.ACTIVE;
        agreement.parties = List.copyOf(event.parties());
        agreement.firstAcademicYear = event.firstAcademicYear();
        agreement.lastAcademicYear = event.lastAcademicYear();
        agreement.contentHash = event.contentHash();
        agreement.updatedAt = event.activatedAt();
        entityManager.merge(agreement);
        replaceConditions(event.agreementId(), event.conditions());
    }

    /** An amendment in force: places, durations and years change at once, so that added places take nominations. */
    void amended(Amended event) {
        var agreement = entityManager.find(Agreement.class, event.agreementId());
        if (agreement == null) {
            return;   // never activated as far as this service knows: nothing to amend
        }
        agreement.contentHash = event.contentHash();
        agreement.firstAcademicYear = event.firstAcademicYear();
        agreement.lastAcademicYear = event.lastAcademicYear();
        agreement.updatedAt = event.amendedAt();
        replaceConditions(event.agreementId(), event.conditions());
    }

    private void replaceConditions(UUID agreementId, List<Condition> conditions) {
        entityManager.createQuery("delete from AgreementCondition where agreementId = :id")
                .setParameter("id", agreementId).executeUpdate();
        for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
            var condition = new AgreementCondition();
            condition.agreementId = agreementId;
            condition.conditionId = c.id();
            condition.sendingInstitution = c.sendingInstitution();
            condition.receivingInstitution = c.receivingInstitution();
            condition.mobilityType = c.mobilityType();
            condition.placesPerYear = c.placesPerYear();
            condition.firstAcademicYear = c.firstAcademicYear();
            condition.lastAcademicYear = c.lastAcademicYear();
            condition.minimumDays = c.minimumDays();
            condition.maximumDays = c.maximumDays();
            entityManager.persist(condition);
        }
    }

    /** Closed to nominations, and its nominations still waiting for an answer are cancelled (MobilityService.agreementTerminated). */
    void terminated(Terminated event) {
        changeStatus(event.agreementId(), Agreement.Status.TERMINATED, event.terminatedAt());
        mobilities.agreementTerminated(event.agreementId(), event.reason());
    }

    /** Events of one agreement arrive in order (one partition per agreement), so the last one wins. */
    private void changeStatus(UUID agreementId, Agreement.Status status, Instant at) {
        var agreement = entityManager.find(Agreement.class, agreementId);
        if (agreement != null) {
            agreement.status = status;
            agreement.updatedAt = at;
        }
    }
}
