package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.agreements.institutions.KnownInstitutions;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.UUID;

/**
 * The use cases of agreements: each loads the agreement, calls the aggregate (which enforces the rules and returns
 * the events its change causes), and hands the events to {@link DomainEvents}; the change and its events commit
 * together.
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
    DomainEvents events;

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
        events.publish(agreement.propose(Instant.now()));
        return agreement;
    }

    /** The caller approves, for its own institution, the proposal or amendment named by its hash. */
    @Transactional
    public Agreement approve(UUID id, String institution, String contentHash) {
        var agreement = find(id, institution);
        Instant now = Instant.now();
        var approval = agreement.approve(institution, contentHash, now);
        if (approval.putVersionInForce()) {
            versions.inForce(agreement, now);
        }
        events.publish(approval.events());
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
        events.publish(agreement.proposeAmendment(Instant.now()));
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
        events.publish(agreement.suspend(reason, Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement resume(UUID id, long expectedVersion) {
        var agreement = find(id, expectedVersion, null);
        events.publish(agreement.resume(Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement terminate(UUID id, long expectedVersion, String reason) {
        var agreement = find(id, expectedVersion, null);
        events.publish(agreement.terminate(reason, Instant.now()));
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
