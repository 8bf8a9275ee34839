package org.passerelle.agreements.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One agreement: its content as it stands (the draft or proposal, then the version in force) and, beside it,
 * the amendment waiting for approval, if any.
 */
@Schema(name = "Agreement")
public record AgreementView(
        UUID id,
        AgreementStatus status,
        AgreementKind kind,
        LocalizedText title,
        @Schema(description = "The parties and whether each approved the content shown here") List<Party> parties,
        @Schema(nullable = true, example = "2025-11-20") LocalDate signedOn,
        @Schema(nullable = true, example = "Paris") String signedAt,
        @Schema(example = "2025/2026") String firstAcademicYear,
        @Schema(example = "2029/2030") String lastAcademicYear,
        @Schema(description = "Cooperation conditions, one direction each") List<AgreementRequests.Condition> conditions,
        @Schema(nullable = true, description = "Hash of the proposed content or of the version in force: what an approval names") String contentHash,
        @Schema(description = "Number of the version in force; 0 until the agreement is active", example = "1") int versionInForce,
        @Schema(nullable = true, description = "The amendment waiting for approval; the version above stays in force until every party approved it")
        Amendment amendment,
        @Schema(nullable = true) String terminationReason) {

    @Schema(name = "AgreementParty")
    public record Party(@Schema(example = "univ-lyon1.fr") String institution, boolean approved, @Schema(nullable = true) Instant approvedAt) {
    }

    @Schema(name = "AgreementAmendment", description = "A proposed new version of an active agreement")
    public record Amendment(
            @Schema(example = "2") int number,
            @Schema(description = "DRAFT while it may still change, PROPOSED once it can be approved", example = "PROPOSED")
            String status,
            @Schema(nullable = true, description = "Set when proposed: what an approval of the amendment names") String contentHash,
            List<Party> approvals,
            Content content) {
    }

    /** The content of one version, as it is shown in an amendment and in the history. */
    @Schema(name = "AgreementContent")
    public record Content(AgreementKind kind, LocalizedText title, List<String> parties, @Schema(nullable = true) LocalDate signedOn, @Schema(nullable = true) String signedAt,
                          String firstAcademicYear, String lastAcademicYear, List<AgreementRequests.Condition> conditions) {

        static Content of(AgreementContent c) {
            return new Content(c.kind(), c.title(), c.parties(), c.signedOn(), c.signedAt(), c.firstAcademicYear(),
                    c.lastAcademicYear(), c.conditions().stream().map(AgreementRequests.Condition::of).toList());
        }
    }

    static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.status, a.kind, a.title,
                a.parties.stream().map(p -> new Party(p.institution,
                        a.contentHash != null && a.contentHash.equals(p.approvedHash), p.approvedAt)).toList(),
                a.signedOn, a.signedAt, a.firstAcademicYear, a.lastAcademicYear,
                a.conditions.stream().map(AgreementRequests.Condition::of).toList(),
                a.contentHash, a.versionInForce, amendment(a), a.terminationReason);
    }

    private static Amendment amendment(Agreement a) {
        if (a.amendment == null) {
            return null;
        }
        var approvals = a.parties.stream().map(p -> new Party(p.institution,
                a.amendmentHash != null && a.amendmentHash.equals(p.amendmentApprovedHash), p.amendmentApprovedAt)).toList();
        return new Amendment(a.versionInForce + 1, a.amendmentHash == null ? "DRAFT" : "PROPOSED", a.amendmentHash,
                approvals, Content.of(a.amendment));
    }
}
