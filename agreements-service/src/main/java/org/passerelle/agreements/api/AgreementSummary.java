package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "AgreementSummary", description = "An agreement as it appears in lists")
public record AgreementSummary(
        UUID id,
        @Schema(example = "BILATERAL_EXCHANGE") AgreementKind kind,
        @Schema(example = "ACTIVE") AgreementStatus status,
        LocalizedText title,
        @Schema(example = "[\"sjtu.edu.cn\", \"univ-lyon1.fr\"]") List<String> parties,
        @Schema(example = "2025/2026") String firstAcademicYear,
        @Schema(example = "2029/2030") String lastAcademicYear,
        @Schema(description = "Number of the version in force; 0 until active", example = "2") int versionInForce,
        @Schema(description = "Whether an amendment waits for approval") boolean amendmentPending,
        Instant createdAt) {

    static AgreementSummary of(Agreement a) {
        return new AgreementSummary(a.id, a.kind, a.status, a.title, a.partyCodes(), a.firstAcademicYear,
                a.lastAcademicYear, a.versionInForce, a.amendment != null, a.createdAt);
    }
}
