package org.passerelle.agreements.events;

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
        List<Condition> conditions) {

    /** A cooperation condition as the services that check nominations need it. */
    public record Condition(String sendingInstitution, String receivingInstitution, MobilityType mobilityType,
                            int placesPerYear, String firstAcademicYear, String lastAcademicYear,
                            Integer minimumDays, Integer maximumDays) {

        public static Condition of(CooperationCondition c) {
            return new Condition(c.sendingInstitution, c.receivingInstitution, c.mobilityType, c.placesPerYear,
                    c.firstAcademicYear, c.lastAcademicYear, c.minimumDays, c.maximumDays);
        }
    }
}
