package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "AgreementSummary", description = "An agreement as it appears in lists")
public record AgreementSummary(
        UUID id,
        @Schema(example = "BILATERAL_EXCHANGE") AgreementKind kind,
        @Schema(example = "ACTIVE") AgreementStatus status,
        LocalizedText title,
        Instant createdAt) {

    static AgreementSummary of(Agreement a) {
        return new AgreementSummary(a.id, a.kind, a.status, a.title, a.createdAt);
    }
}
