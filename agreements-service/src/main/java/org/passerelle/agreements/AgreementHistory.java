package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every version of an agreement: those that were or are in force, and the one waiting for approval (the
 * proposal of a new agreement, or an amendment).
 */
@ApplicationScoped
public class AgreementHistory {

    /** IN_FORCE and SUPERSEDED versions were approved by every party; DRAFT and PROPOSED ones wait. */
    public enum VersionStatus { DRAFT, PROPOSED, IN_FORCE, SUPERSEDED }

    public record Version(int number, VersionStatus status, String contentHash, AgreementContent content,
                          List<AgreementVersion.Approval> approvals, Instant inForceFrom, Instant supersededAt) {
    }

    @Inject
    AgreementService agreements;

    @Inject
    AgreementVersions versions;

    @Transactional
    public List<Version> versions(UUID id, String actingFor) {
        return versions(agreements.find(id, actingFor));
    }

    @Transactional
    public VersionChanges changes(UUID id, String actingFor, Integer from, Integer to) {
        var agreement = agreements.find(id, actingFor);
        var all = versions(agreement);
        int last = all.isEmpty() ? 0 : all.get(all.size() - 1).number();
        int toNumber = to != null ? to : last;
        int fromNumber = from != null ? from : toNumber - 1;
        return VersionChanges.between(fromNumber, number(all, fromNumber).content(), toNumber, number(all, toNumber).content());
    }

    private static Version number(List<Version> all, int number) {
        return all.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new ProblemException(AgreementProblems.NO_SUCH_VERSION, number));
    }

    private List<Version> versions(Agreement agreement) {
        var all = new ArrayList<Version>();
        for (var kept : versions.of(agreement)) {
            all.add(new Version(kept.number, kept.supersededAt == null ? VersionStatus.IN_FORCE : VersionStatus.SUPERSEDED,
                    kept.contentHash, kept.content, kept.approvals, kept.inForceFrom, kept.supersededAt));
        }
        if (agreement.status == AgreementStatus.DRAFT || agreement.status == AgreementStatus.PROPOSED) {
            all.add(waiting(1, agreement.contentHash, agreement.content(), agreement.parties.stream()
                    .filter(p -> p.approved(agreement.contentHash))
                    .map(p -> new AgreementVersion.Approval(p.institution, p.approvedAt)).toList()));
        } else if (agreement.amendment != null) {
            all.add(waiting(agreement.versionInForce + 1, agreement.amendmentHash, agreement.amendment, agreement.parties.stream()
                    .filter(p -> agreement.amendmentHash != null && agreement.amendmentHash.equals(p.amendmentApprovedHash))
                    .map(p -> new AgreementVersion.Approval(p.institution, p.amendmentApprovedAt)).toList()));
        }
        return all;
    }

    private static Version waiting(int number, String hash, AgreementContent content, List<AgreementVersion.Approval> approvals) {
        return new Version(number, hash == null ? VersionStatus.DRAFT : VersionStatus.PROPOSED, hash, content, approvals, null, null);
    }
}
