package org.passerelle.agreements.events;

import org.passerelle.agreements.Agreement;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every party approved the amendment: it is the version in force, with the conditions it carries (all of
 * them, not only those that changed; a condition keeps its id across versions).
 */
@EventType(name = "AgreementAmended", version = 1, aggregate = "agreement")
public record AgreementAmended(UUID agreementId, int versionNumber, String contentHash, String firstAcademicYear,
                               String lastAcademicYear, Instant amendedAt, List<AgreementActivated.Condition> conditions)
        implements AgreementEvent {

    public static AgreementAmended of(Agreement agreement, Instant at) {
        return new AgreementAmended(agreement.id, agreement.versionInForce, agreement.contentHash,
                agreement.firstAcademicYear, agreement.lastAcademicYear, at,
                agreement.conditions.stream().map(AgreementActivated.Condition::of).toList());
    }
}
