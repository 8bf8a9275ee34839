package org.passerelle.mobility.learning;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The learning agreement of a mobility: every version of its components, oldest first. Each change is a proposal
 * (a new version, named by its content hash) that the student, the sending and the receiving coordinator approve;
 * when all three approved the same hash, it comes into force and the version before it is superseded. A new
 * proposal withdraws the one still pending. Nothing is deleted.
 */
@Entity
@Table(name = "learning_agreement")
public class LearningAgreement {

    /** The most components a version may list. */
    public static final int MAX_COMPONENTS = 40;

    @Id
    @Column(name = "mobility_id")
    public UUID mobilityId;

    /** Counts every change (proposal or approval): the ETag a new proposal names in If-Match. */
    @Column(nullable = false)
    public long revision;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "mobility_id", nullable = false, updatable = false)
    @OrderBy("number")
    public List<LearningAgreementVersion> versions = new ArrayList<>();

    protected LearningAgreement() {
    }

    /** A mobility's learning agreement before its first proposal: no version, revision 0. */
    public static LearningAgreement none(UUID mobilityId) {
        var agreement = new LearningAgreement();
        agreement.mobilityId = mobilityId;
        return agreement;
    }

    public Optional<LearningAgreementVersion> inForce() {
        return withStatus(LearningAgreementVersion.Status.APPROVED);
    }

    public Optional<LearningAgreementVersion> pending() {
        return withStatus(LearningAgreementVersion.Status.PROPOSED);
    }

    /**
     * A new proposal; the one pending, if any, is withdrawn (kept in the history). The same content as the version
     * in force or as the pending proposal is refused: there would be nothing to approve.
     */
    public LearningAgreementVersion propose(List<Component.Draft> drafts, String by, Instant at) {
        var components = checked(drafts);
        String hash = LearningAgreementVersion.hash(components);
        for (var current : List.of(inForce(), pending())) {
            current.filter(v -> v.contentHash.equals(hash)).ifPresent(v -> {
                throw new ProblemException(LearningAgreementProblems.UNCHANGED, v.number, v.status);
            });
        }
        pending().ifPresent(v -> v.end(LearningAgreementVersion.Status.WITHDRAWN, at));
        var version = LearningAgreementVersion.proposed(versions.size() + 1, components, by, at);
        versions.add(version);
        revision++;
        return version;
    }

    /**
     * The mobility was rejected or cancelled: the pending proposal, if any, is withdrawn (kept in the history with
     * the approvals it had), so that nobody can put it in force any more. The version in force stays as it was.
     */
    public Optional<LearningAgreementVersion> withdrawPending(Instant at) {
        var proposal = pending();
        proposal.ifPresent(v -> {
            v.end(LearningAgreementVersion.Status.WITHDRAWN, at);
            revision++;
        });
        return proposal;
    }

    /** The components as proposed, with their credits converted; every broken rule reported by field at once. */
    static List<Component> checked(List<Component.Draft> drafts) {
        var problems = new InvalidFieldsException.Collector();
        problems.check(drafts != null && !drafts.isEmpty(), "components", "learning.no-component");
        problems.check(drafts == null || drafts.size() <= MAX_COMPONENTS, "components", "learning.too-many", MAX_COMPONENTS);
        problems.throwIfAny();
        var components = new ArrayList<Component>();
        var firstIndexOfSession = new HashMap<UUID, Integer>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "components[" + i + "].";
            Integer first = firstIndexOfSession.putIfAbsent(drafts.get(i).sessionId(), i);
            problems.check(first == null, at + "sessionId", "learning.session-twice", first);
            components.add(Component.of(drafts.get(i), at, problems));
        }
        problems.throwIfAny();
        return components;
    }

    /**
     * A party approves the content it saw, named by its hash. A hash that is not the pending proposal's is stale:
     * refused, naming the current one. Approving again what one already approved changes nothing.
     *
     * @return the version that came into force with this approval, if it was the last one missing
     */
    public Optional<LearningAgreementVersion> approve(Party party, String contentHash, String by, String as, Instant at) {
        var proposal = pending().orElseThrow(() -> new ProblemException(LearningAgreementProblems.NO_PROPOSAL));
        if (!proposal.contentHash.equals(contentHash)) {
            throw new ProblemException(LearningAgreementProblems.STALE_APPROVAL, proposal.number, proposal.contentHash);
        }
        if (proposal.approvedBy(party)) {
            return Optional.empty();
        }
        proposal.approve(new LearningAgreementVersion.Approval(party, by, as, at));
        revision++;
        if (!proposal.awaiting().isEmpty()) {
            return Optional.empty();
        }
        inForce().ifPresent(v -> v.end(LearningAgreementVersion.Status.SUPERSEDED, at));
        proposal.comeIntoForce(at);
        return Optional.of(proposal);
    }

    private Optional<LearningAgreementVersion> withStatus(LearningAgreementVersion.Status status) {
        return versions.stream().filter(v -> v.status == status).findFirst();
    }
}
