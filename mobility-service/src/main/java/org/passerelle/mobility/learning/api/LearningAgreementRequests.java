package org.passerelle.mobility.learning.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.learning.Component;
import org.passerelle.mobility.learning.LearningAgreement;
import org.passerelle.mobility.learning.Party;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Request bodies of the learning agreement API. */
public final class LearningAgreementRequests {

    private LearningAgreementRequests() {
    }

    @Schema(name = "LearningAgreementProposal", description = "The whole list of components of the proposed version")
    public record Proposal(
            @NotNull @Size(max = LearningAgreement.MAX_COMPONENTS) List<@NotNull @Valid ComponentRequest> components) {

        List<Component.Draft> drafts() {
            return components.stream().map(ComponentRequest::draft).toList();
        }
    }

    @Schema(name = "LearningAgreementComponentRequest", description = "A catalogue session and its credits. With "
            + "ectsPerChineseCredit (the rule for the pair of institutions, e.g. 1.5), give one amount and the other is "
            + "converted (rounded half up to one decimal), or give both and they must agree with the rule; without it, "
            + "give both amounts. Credits are positive, with at most one decimal.")
    public record ComponentRequest(
            @NotNull @Schema(description = "A catalogue session of curriculum-service", example = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56")
            UUID sessionId,
            @Size(max = 300) @Schema(example = "Stage clinique en cardiologie – 心内科临床实习") String title,
            @Schema(example = "6.0") BigDecimal ects,
            @Schema(example = "4") BigDecimal chineseCredits,
            @Schema(description = "ECTS per Chinese credit", example = "1.5") BigDecimal ectsPerChineseCredit,
            @Schema(description = "curriculum-service's conversion rule, if the proposer used one") UUID conversionRuleId) {

        Component.Draft draft() {
            return new Component.Draft(sessionId, title, ects, chineseCredits, ectsPerChineseCredit, conversionRuleId);
        }
    }

    @Schema(name = "LearningAgreementApproval", description = "Approves the pending proposal named by its content hash")
    public record Approval(
            @NotBlank @Size(max = 64) @Schema(description = "The contentHash of the proposal read",
                    example = "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e") String contentHash,
            @Schema(description = "Only for the international office (admin), which names the coordinator side it approves "
                    + "for; others approve as their own party (the student, or their institution's side)",
                    example = "RECEIVING_COORDINATOR") Party party) {
    }
}
