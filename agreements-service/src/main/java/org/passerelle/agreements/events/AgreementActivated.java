package org.passerelle.agreements.events;

import org.passerelle.agreements.AgreementKind;
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
        Instant activatedAt) {
}
