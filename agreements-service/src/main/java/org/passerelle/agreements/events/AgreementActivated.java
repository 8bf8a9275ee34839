package org.passerelle.agreements.events;

import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every party approved the same content: the agreement is in force. Schema: docs/events/agreements/. */
@EventType(name = "AgreementActivated", version = 1, aggregate = "agreement")
public record AgreementActivated(
        UUID agreementId,
        AgreementKind kind,
        List<String> parties,
        String firstAcademicYear,
        String lastAcademicYear,
        String contentHash,
        Instant activatedAt,
        List<Condition> conditions) implements AgreementEvent {

    public static AgreementActivated of(Agreement agreement, Instant at) {
        return new AgreementActivated(agreement.id, agreement.kind, agreement.partyCodes(), agreement.firstAcademicYear,
                agreement.lastAcademicYear, agreement.contentHash, at,
                agreement.conditions.stream().map(Condition::of).toList());
    }

    /** A cooperation condition as the services that check nominations need it; the id stays across amendments. */
    public record Condition(UUID id, String sendingInstitution, String receivingInstitution, MobilityType mobilityType,
                            int placesPerYear, String firstAcademicYear, String lastAcademicYear,
                            Integer minimumDays, Integer maximumDays) {

        public static Condition of(CooperationCondition c) {
            return new Condition(c.id, c.sendingInstitution, c.receivingInstitution, c.mobilityType, c.placesPerYear,
                    c.firstAcademicYear, c.lastAcademicYear, c.minimumDays, c.maximumDays);
        }
    }
}
