package org.passerelle.mobility.events;

import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.learning.LearningAgreementVersion;
import org.passerelle.mobility.learning.Party;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a mobility's learning agreement was proposed and waits for the approval of the parties named in
 * {@code awaiting} (identity-service mails them). Schema: docs/events/mobility/.
 */
@EventType(name = "LearningAgreementProposed", version = 1, aggregate = "mobility")
public record LearningAgreementProposed(
        UUID mobilityId, String academicYear, String sendingInstitution, String receivingInstitution,
        int versionNumber, String contentHash, List<Party> awaiting, Instant proposedAt) implements MobilityEvent {

    public static LearningAgreementProposed of(Mobility m, LearningAgreementVersion v) {
        return new LearningAgreementProposed(m.id, m.academicYear, m.sendingInstitution, m.receivingInstitution, v.number,
                v.contentHash, v.awaiting(), v.proposedAt);
    }
}
