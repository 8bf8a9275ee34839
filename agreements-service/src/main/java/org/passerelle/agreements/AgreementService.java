package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.agreements.events.AgreementActivated;
import org.passerelle.agreements.institutions.KnownInstitutions;
import org.passerelle.agreements.events.AgreementAmended;
import org.passerelle.agreements.events.AgreementApproved;
import org.passerelle.agreements.events.AgreementProposed;
import org.passerelle.agreements.events.AgreementResumed;
import org.passerelle.agreements.events.AgreementSuspended;
import org.passerelle.agreements.events.AgreementTerminated;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.UUID;

/**
 * The use cases of agreements; each change and the events it causes commit together.
 *
 * <p>{@code actingFor} is the caller's institution, or null for the SJTUSM international office (admin), which
 * acts for all. An agreement the caller's institution is not party to is answered as if it did not exist.
 * {@code expectedVersion} is the version the caller read (its ETag): a change made since is refused with 412.
 */
@ApplicationScoped
public class AgreementService {

    @Inject
    AgreementRepository agreements;

    @Inject
    AgreementVersions versions;

    @Inject
    Outbox outbox;

    @Inject
    KnownInstitutions institutions;

    @Transactional
    public Agreement draft(String actingFor, AgreementContent content) {
        institutions.requireKnown(content);
        var agreement = Agreement.draft(content);
        agreement.requireActingParty(actingFor);
        agreements.persist(agreement);
        return agreement;
    }

    @Transactional
    public Agreement revise(UUID id, long expectedVersion, String actingFor, AgreementContent content) {
        var agreement = find(id, expectedVersion, actingFor);
        institutions.requireKnown(content);
        agreement.revise(content);
        agreement.requireActingParty(actingFor);   // a coordinator cannot give the draft away
        return agreement;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.requireDeletable();
        agreements.delete(agreement);
    }

    @Transactional
    public Agreement propose(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.propose();
        outbox.append(agreement.id, new AgreementProposed(agreement.id, 1, false, agreement.contentHash,
                agreement.partyCodes(), Instant.now()));
        return agreement;
    }

    /** The caller approves, for its own institution, the proposal or amendment named by its hash. */
    @Transactional
    public Agreement approve(UUID id, String institution, String contentHash) {
        var agreement = find(id, institution);
        Instant now = Instant.now();
        int proposedNumber = agreement.status == AgreementStatus.PROPOSED ? 1 : agreement.versionInForce + 1;
        var outcome = agreement.approve(institution, contentHash, now);
        outbox.append(agreement.id, new AgreementApproved(agreement.id, proposedNumber, institution, contentHash, now));
        switch (outcome) {
            case ACTIVATED -> {
                versions.inForce(agreement, now);
                outbox.append(agreement.id, AgreementActivated.of(agreement, now));
            }
            case AMENDED -> {
                versions.inForce(agreement, now);
                outbox.append(agreement.id, AgreementAmended.of(agreement, now));
            }
            case RECORDED -> {
            }
        }
        return agreement;
    }

    @Transactional
    public Agreement amend(UUID id, long expectedVersion, String actingFor, AgreementContent content) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.amend(content);
        return agreement;
    }

    @Transactional
    public Agreement reviseAmendment(UUID id, long expectedVersion, String actingFor, AgreementContent content) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.reviseAmendment(content);
        return agreement;
    }

    @Transactional
    public Agreement proposeAmendment(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.proposeAmendment();
        outbox.append(agreement.id, new AgreementProposed(agreement.id, agreement.versionInForce + 1, true,
                agreement.amendmentHash, agreement.partyCodes(), Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement withdrawAmendment(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id, expectedVersion, actingFor);
        agreement.withdrawAmendment();
        return agreement;
    }

    @Transactional
    public Agreement suspend(UUID id, long expectedVersion, String reason) {
        var agreement = find(id, expectedVersion, null);
        agreement.suspend();
        outbox.append(agreement.id, new AgreementSuspended(agreement.id, reason, Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement resume(UUID id, long expectedVersion) {
        var agreement = find(id, expectedVersion, null);
        agreement.resume();
        outbox.append(agreement.id, new AgreementResumed(agreement.id, Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement terminate(UUID id, long expectedVersion, String reason) {
        var agreement = find(id, expectedVersion, null);
        agreement.terminate(reason);
        outbox.append(agreement.id, new AgreementTerminated(agreement.id, reason, Instant.now()));
        return agreement;
    }

    /** The agreement as the caller may see it: one its institution is not party to is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement find(UUID id, String actingFor) {
        return agreements.findByIdOptional(id)
                .filter(agreement -> actingFor == null || agreement.hasParty(actingFor))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    private Agreement find(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id, actingFor);
        if (agreement.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        return agreement;
    }
}
