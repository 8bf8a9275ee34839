package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.learning.Component;
import org.passerelle.mobility.learning.LearningAgreementVersion;
import org.passerelle.mobility.learning.Party;
import org.passerelle.runtime.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The student, the sending and the receiving coordinator approved the same version of a mobility's learning
 * agreement: it is in force, and the version before it superseded. Schema: docs/events/mobility/.
 */
@EventType(name = "LearningAgreementApproved", version = 1, aggregate = "mobility")
public record LearningAgreementApproved(
        UUID mobilityId, String academicYear, String sendingInstitution, String receivingInstitution,
        int versionNumber, String contentHash, List<ApprovedComponent> components, List<PartyApproval> approvals,
        Instant approvedAt) implements MobilityEvent {

    /** Credits in both schemes, with the rule that converted one into the other (null when both were given by hand). */
    public record ApprovedComponent(UUID sessionId, String title, BigDecimal ects, BigDecimal chineseCredits,
                                    BigDecimal ectsPerChineseCredit, Component.Given given, UUID conversionRuleId) {
    }

    public record PartyApproval(Party party, Instant approvedAt) {
    }

    public static LearningAgreementApproved of(Mobility m, LearningAgreementVersion v, Instant at) {
        return new LearningAgreementApproved(m.id, m.academicYear, m.sendingInstitution, m.receivingInstitution, v.number,
                v.contentHash,
                v.components.stream().map(c -> new ApprovedComponent(c.sessionId(), c.title(), c.ects(), c.chineseCredits(),
                        c.ectsPerChineseCredit(), c.given(), c.conversionRuleId())).toList(),
                v.approvals.stream().map(a -> new PartyApproval(a.party(), a.approvedAt())).toList(),
                at);
    }
}
