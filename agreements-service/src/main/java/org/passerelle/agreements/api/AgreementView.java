package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Agreement")
public record AgreementView(
        UUID id,
        AgreementKind kind,
        AgreementStatus status,
        LocalizedText title,
        List<Party> parties,
        @Schema(description = "Cooperation conditions, one direction each") List<AgreementRequests.Condition> conditions,
        @Schema(example = "2025/2026") String firstAcademicYear,
        @Schema(example = "2029/2030") String lastAcademicYear,
        @Schema(description = "Hash of the proposed content, to name in an approval") String contentHash,
        String terminationReason) {

    @Schema(name = "AgreementParty")
    public record Party(@Schema(example = "univ-lyon1.fr") String institution, boolean approved, Instant approvedAt) {
    }

    static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.kind, a.status, a.title,
                a.parties.stream().map(p -> new Party(p.institution,
                        a.contentHash != null && a.contentHash.equals(p.approvedHash), p.approvedAt)).toList(),
                a.conditions.stream().map(AgreementRequests.Condition::of).toList(),
                a.firstAcademicYear, a.lastAcademicYear, a.contentHash, a.terminationReason);
    }
}
