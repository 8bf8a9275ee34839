package org.passerelle.mobility.learning.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.learning.Component;
import org.passerelle.mobility.learning.LearningAgreement;
import org.passerelle.mobility.learning.LearningAgreementVersion;
import org.passerelle.mobility.learning.Party;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LearningAgreement", description = "The version in force and the proposal waiting for approval")
public record LearningAgreementView(
        UUID mobilityId,
        @Schema(nullable = true, description = "Approved by all three parties; null until a first version is") Version inForce,
        @Schema(nullable = true, description = "The proposal waiting for approval, if any") Version pending) {

    @Schema(name = "LearningAgreementVersion", description = "One version of a learning agreement")
    public record Version(
            @Schema(example = "2") int number,
            @Schema(example = "PROPOSED") LearningAgreementVersion.Status status,
            @Schema(description = "SHA-256 of the components: what each party approves") String contentHash,
            List<ComponentView> components,
            @Schema(example = "10.5") BigDecimal totalEcts,
            @Schema(example = "7.0") BigDecimal totalChineseCredits,
            @Schema(description = "Subject of the proposer's token") String proposedBy,
            Instant proposedAt,
            List<LearningAgreementVersion.Approval> approvals,
            @Schema(description = "The parties whose approval it still needs") List<Party> awaiting,
            @Schema(nullable = true) Instant inForceFrom,
            @Schema(nullable = true, description = "When it was superseded or withdrawn") Instant endedAt) {

        static Version of(LearningAgreementVersion v) {
            return new Version(v.number, v.status, v.contentHash, v.components.stream().map(ComponentView::of).toList(),
                    v.components.stream().map(Component::ects).reduce(BigDecimal.ZERO, BigDecimal::add),
                    v.components.stream().map(Component::chineseCredits).reduce(BigDecimal.ZERO, BigDecimal::add),
                    v.proposedBy, v.proposedAt, v.approvals, v.awaiting(), v.inForceFrom, v.endedAt);
        }
    }

    @Schema(name = "LearningAgreementComponent", description = "A catalogue session with its credits in both schemes and "
            + "the rule that converted one into the other")
    public record ComponentView(
            UUID sessionId,
            @Schema(example = "Stage clinique en cardiologie – 心内科临床实习") String title,
            @Schema(example = "6.0") BigDecimal ects,
            @Schema(example = "4.0") BigDecimal chineseCredits,
            @Schema(nullable = true, description = "ECTS per Chinese credit; null when both amounts were given by hand", example = "1.5")
            BigDecimal ectsPerChineseCredit,
            @Schema(description = "The amounts the proposer gave; the other one was converted", example = "CHINESE_CREDITS")
            Component.Given given,
            @Schema(nullable = true) UUID conversionRuleId) {

        static ComponentView of(Component c) {
            return new ComponentView(c.sessionId(), c.title(), c.ects(), c.chineseCredits(), c.ectsPerChineseCredit(), c.given(),
                    c.conversionRuleId());
        }
    }

    static LearningAgreementView of(LearningAgreement a) {
        return new LearningAgreementView(a.mobilityId, a.inForce().map(Version::of).orElse(null),
                a.pending().map(Version::of).orElse(null));
    }
}
