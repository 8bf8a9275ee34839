package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.agreements.events.AgreementActivated;
import org.passerelle.agreements.events.AgreementResumed;
import org.passerelle.agreements.events.AgreementSuspended;
import org.passerelle.agreements.events.AgreementTerminated;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The use cases of agreements; each change and the events it causes commit together. */
@ApplicationScoped
public class AgreementService {

    @Inject
    AgreementRepository agreements;

    @Inject
    Outbox outbox;

    /** {@code actingFor}: the caller's institution, or null for the international office (see Agreement.requireActingParty). */
    @Transactional
    public Agreement draft(String actingFor, AgreementKind kind, LocalizedText title, List<String> parties, String firstYear,
                           String lastYear, List<CooperationCondition> conditions) {
        var agreement = Agreement.draft(kind, title, parties, firstYear, lastYear, conditions);
        agreement.requireActingParty(actingFor);
        agreements.persist(agreement);
        return agreement;
    }

    /** Revises a draft the caller read at {@code expectedVersion}; 412 if it changed since. */
    @Transactional
    public Agreement revise(UUID id, long expectedVersion, String actingFor, AgreementKind kind, LocalizedText title,
                            List<String> parties, String firstYear, String lastYear, List<CooperationCondition> conditions) {
        var agreement = find(id);
        requireVersion(agreement, expectedVersion);
        agreement.requireActingParty(actingFor);   // the draft as it is
        agreement.revise(kind, title, parties, firstYear, lastYear, conditions);
        agreement.requireActingParty(actingFor);   // and as it becomes
        return agreement;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion, String actingFor) {
        var agreement = find(id);
        requireVersion(agreement, expectedVersion);
        agreement.requireActingParty(actingFor);
        agreement.requireDeletable();
        agreements.delete(agreement);
    }

    private static void requireVersion(Agreement agreement, long expectedVersion) {
        if (agreement.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
    }

    @Transactional
    public Agreement propose(UUID id) {
        var agreement = find(id);
        agreement.propose();
        return agreement;
    }

    @Transactional
    public Agreement approve(UUID id, String institution, String contentHash) {
        var agreement = find(id);
        Instant now = Instant.now();
        if (agreement.approve(institution, contentHash, now)) {
            outbox.append(agreement.id, new AgreementActivated(agreement.id, agreement.kind, agreement.partyCodes(),
                    agreement.firstAcademicYear, agreement.lastAcademicYear, agreement.contentHash, now,
                    agreement.conditions.stream().map(AgreementActivated.Condition::of).toList()));
        }
        return agreement;
    }

    @Transactional
    public Agreement suspend(UUID id, String reason) {
        var agreement = find(id);
        agreement.suspend();
        outbox.append(agreement.id, new AgreementSuspended(agreement.id, reason, Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement resume(UUID id) {
        var agreement = find(id);
        agreement.resume();
        outbox.append(agreement.id, new AgreementResumed(agreement.id, Instant.now()));
        return agreement;
    }

    @Transactional
    public Agreement terminate(UUID id, String reason) {
        var agreement = find(id);
        agreement.terminate(reason);
        outbox.append(agreement.id, new AgreementTerminated(agreement.id, reason, Instant.now()));
        return agreement;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement find(UUID id) {
        return agreements.findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
