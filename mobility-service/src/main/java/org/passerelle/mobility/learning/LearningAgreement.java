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
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.mobility.events.LearningAgreementApproved;
import org.passerelle.mobility.events.MobilityEvent;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The learning agreement of a mobility: every version of its components, oldest first. Each change is a proposal
 * (a new version, named by its content hash) that the student, the sending and the receiving coordinator approve;
 * when all three approved the same hash, it comes into force and the version before it is superseded. A new
 * proposal withdraws the one still pending. Nothing is deleted. It changes only while its mobility is NOMINATED,
 * ACCEPTED or IN_PROGRESS; its methods enforce these rules and return the events they cause.
 */
@Entity
@Table(name = "learning_agreement")
public class LearningAgreement {

    /** The statuses of a mobility in which its learning agreement may change. */
    private static final Set<MobilityStatus> OPEN = EnumSet.of(MobilityStatus.NOMINATED, MobilityStatus.ACCEPTED, MobilityStatus.IN_PROGRESS);

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
     * A new proposal, made against the revision the proposer saw ({@code expectedRevision}, refused when stale); the
     * one pending, if any, is withdrawn (kept in the history). The same content as the version in force or as the
     * pending proposal is refused: there would be nothing to approve.
     */
    public LearningAgreementVersion propose(Mobility mobility, long expectedRevision, List<Component.Draft> drafts, String by,
                                            Instant at) {
        requireOpen(mobility);
        if (revision != expectedRevision) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
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
     * @return LearningAgreementApproved when this approval was the last one missing and the version came into force
     */
    public List<MobilityEvent> approve(Mobility mobility, Party party, String contentHash, String by, String as, Instant at) {
        requireOpen(mobility);
        var proposal = pending().orElseThrow(() -> new ProblemException(LearningAgreementProblems.NO_PROPOSAL));
        if (!proposal.contentHash.equals(contentHash)) {
            throw new ProblemException(LearningAgreementProblems.STALE_APPROVAL, proposal.number, proposal.contentHash);
        }
        if (proposal.approvedBy(party)) {
            return List.of();
        }
        proposal.approve(new LearningAgreementVersion.Approval(party, by, as, at));
        revision++;
        if (!proposal.awaiting().isEmpty()) {
            return List.of();
        }
        inForce().ifPresent(v -> v.end(LearningAgreementVersion.Status.SUPERSEDED, at));
        proposal.comeIntoForce(at);
        return List.of(LearningAgreementApproved.of(mobility, proposal, at));
    }

    /** A learning agreement changes while the stay is ahead or under way, not once it is over or called off. */
    private void requireOpen(Mobility mobility) {
        if (!mobility.id.equals(mobilityId)) {
            throw new IllegalArgumentException("mobility " + mobility.id + " is not the one of learning agreement " + mobilityId);
        }
        if (!OPEN.contains(mobility.status)) {
            throw new ProblemException(LearningAgreementProblems.CLOSED, mobility.status);
        }
    }

    private Optional<LearningAgreementVersion> withStatus(LearningAgreementVersion.Status status) {
        return versions.stream().filter(v -> v.status == status).findFirst();
    }
}
