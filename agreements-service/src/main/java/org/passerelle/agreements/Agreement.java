package org.passerelle.agreements;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import org.passerelle.runtime.problem.InvalidFieldsException;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.passerelle.agreements.events.AgreementActivated;
import org.passerelle.agreements.events.AgreementAmended;
import org.passerelle.agreements.events.AgreementApproved;
import org.passerelle.agreements.events.AgreementEvent;
import org.passerelle.agreements.events.AgreementExpired;
import org.passerelle.agreements.events.AgreementProposed;
import org.passerelle.agreements.events.AgreementResumed;
import org.passerelle.agreements.events.AgreementSuspended;
import org.passerelle.agreements.events.AgreementTerminated;
import org.passerelle.runtime.text.SearchText;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

/**
 * An agreement between SJTUSM and one or several partner institutions. It becomes ACTIVE only when every
 * party approved the same content: an approval names the content hash it saw.
 *
 * <p>The aggregate of agreements-service, with its parties, conditions and pending amendment: its status and
 * versions change only through its methods, which enforce the rules of each change and return the events it causes
 * (none for the changes of a draft or of an amendment not yet proposed, which no other service sees).
 * AgreementService loads, calls, saves and hands the events to DomainEvents.
 */
@Entity
public class Agreement {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    @Embedded
    @EmbeddedColumnNaming("title_%s")
    public LocalizedText title;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderBy("institution")
    public List<AgreementParty> parties = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cooperation_condition", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<CooperationCondition> conditions = new ArrayList<>();

    @Column(name = "first_academic_year")
    public String firstAcademicYear;

    @Column(name = "last_academic_year")
    public String lastAcademicYear;

    /** SHA-256 of the content the parties approve; set when proposed. */
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "signed_at")
    public String signedAt;

    /** The titles in the form text search matches (see SearchText). */
    @Column(name = "search_text", nullable = false)
    String searchText;

    /** The number of the version in force: 0 until the agreement is active, then 1, then one more per amendment. */
    @Column(name = "version_in_force", nullable = false)
    public int versionInForce;

    /** A proposed change of the version in force, which stays in force until every party approved this one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public AgreementContent amendment;

    /** Set when the amendment is proposed: what the parties name to approve it. */
    @Column(name = "amendment_hash")
    public String amendmentHash;

    /** A new draft. */
    public static Agreement draft(AgreementContent content) {
        var agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.status = AgreementStatus.DRAFT;
        agreement.requireKnownConditionIds(content);
        agreement.apply(content.canonical());
        return agreement;
    }

    /** The content as it stands: the draft, the proposal, or the version in force. */
    public AgreementContent content() {
        return new AgreementContent(kind, title, partyCodes(), signedOn, signedAt, firstAcademicYear, lastAcademicYear,
                List.copyOf(conditions));
    }

    private void apply(AgreementContent content) {
        kind = content.kind();
        title = content.title();
        searchText = SearchText.of(title.fr(), title.en(), title.zh());
        var approvals = parties.stream().collect(Collectors.toMap(p -> p.institution, p -> p));
        parties.clear();
        content.parties().stream().sorted().forEach(p -> parties.add(approvals.getOrDefault(p, new AgreementParty(p))));
        signedOn = content.signedOn();
        signedAt = content.signedAt();
        firstAcademicYear = content.firstAcademicYear();
        lastAcademicYear = content.lastAcademicYear();
        conditions.clear();
        conditions.addAll(content.conditions());
    }

    /** Changes the content of a draft; a proposed or active agreement changes only by amendment. */
    public void revise(AgreementContent content) {
        requireStatus(AgreementStatus.DRAFT, "revise");
        requireKnownConditionIds(content);
        apply(content.canonical());
    }

    /** Only an agreement that was never in force may be deleted: once approved by all, its history is kept. */
    public void requireDeletable() {
        if (status != AgreementStatus.DRAFT && status != AgreementStatus.PROPOSED) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, "delete");
        }
    }

    public boolean hasParty(String institution) {
        return partyCodes().contains(institution);
    }

    /**
     * A coordinator acts only on agreements their institution is party to; {@code null} stands for the SJTUSM
     * international office, which acts for all.
     */
    public void requireActingParty(String actingFor) {
        if (actingFor != null && !hasParty(actingFor)) {
            throw new ProblemException(AgreementProblems.NOT_A_PARTY, actingFor);
        }
    }

    /** DRAFT -> PROPOSED: the content is fixed and each party may now approve it (version 1). */
    public List<AgreementEvent> propose(Instant at) {
        requireStatus(AgreementStatus.DRAFT, "propose");
        status = AgreementStatus.PROPOSED;
        contentHash = content().hash();
        return List.of(new AgreementProposed(id, 1, false, contentHash, partyCodes(), at));
    }

    /** What an approval did. */
    public enum Approved { RECORDED, ACTIVATED, AMENDED }

    /**
     * What an approval did and the events it caused: AgreementApproved, then AgreementActivated or AgreementAmended
     * when it was the last party's. When a version came into force, the caller keeps it (AgreementVersions).
     */
    public record Approval(Approved outcome, List<AgreementEvent> events) {

        public boolean putVersionInForce() {
            return outcome != Approved.RECORDED;
        }
    }

    /**
     * Records that a party approved the content it saw: the proposal of a new agreement, or the proposed
     * amendment of an active one. When every party approved the same content, that content is in force.
     */
    public Approval approve(String institution, String approvedHash, Instant at) {
        boolean amending = status == AgreementStatus.ACTIVE && amendmentHash != null;
        if (status != AgreementStatus.PROPOSED && !amending) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, "approve");
        }
        AgreementParty party = parties.stream().filter(p -> p.institution.equals(institution)).findFirst()
                .orElseThrow(() -> new ProblemException(AgreementProblems.NOT_A_PARTY, institution));
        String current = amending ? amendmentHash : contentHash;
        if (!current.equals(approvedHash)) {
            throw new ProblemException(AgreementProblems.STALE_APPROVAL, current);
        }
        var approved = new AgreementApproved(id, amending ? versionInForce + 1 : 1, institution, approvedHash, at);
        if (amending) {
            party.amendmentApprovedHash = approvedHash;
            party.amendmentApprovedAt = at;
            if (parties.stream().allMatch(p -> current.equals(p.amendmentApprovedHash))) {
                putAmendmentInForce();
                return new Approval(Approved.AMENDED, List.of(approved, AgreementAmended.of(this, at)));
            }
            return new Approval(Approved.RECORDED, List.of(approved));
        }
        party.approvedHash = approvedHash;
        party.approvedAt = at;
        if (parties.stream().allMatch(p -> p.approved(contentHash))) {
            status = AgreementStatus.ACTIVE;
            versionInForce = 1;
            return new Approval(Approved.ACTIVATED, List.of(approved, AgreementActivated.of(this, at)));
        }
        return new Approval(Approved.RECORDED, List.of(approved));
    }

    private void putAmendmentInForce() {
        apply(amendment);
        contentHash = amendmentHash;
        parties.forEach(p -> {
            p.approvedHash = p.amendmentApprovedHash;
            p.approvedAt = p.amendmentApprovedAt;
            p.amendmentApprovedHash = null;
            p.amendmentApprovedAt = null;
        });
        amendment = null;
        amendmentHash = null;
        versionInForce++;
    }

    /** Who approved the version in force, and when. */
    public List<AgreementVersion.Approval> approvalsInForce() {
        return parties.stream().map(p -> new AgreementVersion.Approval(p.institution, p.approvedAt)).toList();
    }

    /**
     * Starts an amendment of the active agreement: a new version, to be proposed and approved by every party
     * while the version in force stays in force. The parties stay the same (other parties make another
     * agreement); conditions keep their id when they change, and a new condition has none.
     */
    public void amend(AgreementContent content) {
        requireStatus(AgreementStatus.ACTIVE, "amend");
        if (amendment != null) {
            throw new ProblemException(AgreementProblems.AMENDMENT_PENDING, versionInForce + 1);
        }
        requireAmendable(content);
        amendment = content.canonical();
    }

    /** Changes the amendment until it is proposed. */
    public void reviseAmendment(AgreementContent content) {
        requireAmendment(false, "revise the amendment");
        requireAmendable(content);
        amendment = content.canonical();
    }

    /** Fixes the amendment and its hash; each party then approves it, as the next version. */
    public List<AgreementEvent> proposeAmendment(Instant at) {
        requireAmendment(false, "propose the amendment");
        amendmentHash = amendment.hash();
        return List.of(new AgreementProposed(id, versionInForce + 1, true, amendmentHash, partyCodes(), at));
    }

    /** Drops the pending amendment, proposed or not; the version in force is untouched. */
    public void withdrawAmendment() {
        if (amendment == null) {
            throw new ProblemException(AgreementProblems.NO_AMENDMENT);
        }
        amendment = null;
        amendmentHash = null;
        parties.forEach(p -> {
            p.amendmentApprovedHash = null;
            p.amendmentApprovedAt = null;
        });
    }

    private void requireAmendment(boolean proposed, String action) {
        if (amendment == null) {
            throw new ProblemException(AgreementProblems.NO_AMENDMENT);
        }
        if ((amendmentHash != null) != proposed) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, "PROPOSED", action);
        }
    }

    private void requireAmendable(AgreementContent content) {
        new InvalidFieldsException.Collector()
                .check(content.parties().stream().sorted().toList().equals(partyCodes()), "parties", "amendment.parties",
                        String.join(", ", partyCodes()))
                .throwIfAny();
        requireKnownConditionIds(content);
    }

    /**
     * A condition sent with an id changes that condition (of the agreement as it stands, or of its amendment);
     * one without an id is new.
     */
    private void requireKnownConditionIds(AgreementContent content) {
        var known = new HashSet<UUID>();
        conditions.forEach(c -> known.add(c.id));
        if (amendment != null) {
            amendment.conditions().forEach(c -> known.add(c.id));
        }
        var problems = new InvalidFieldsException.Collector();
        for (int i = 0; i < content.conditions().size(); i++) {
            UUID id = content.conditions().get(i).id;
            problems.check(id == null || known.contains(id), "conditions[" + i + "].id", "condition.unknown-id", id);
        }
        problems.throwIfAny();
    }

    /**
     * ACTIVE -> SUSPENDED: no new mobility may count against it until it is resumed. The reason is the event's
     * only (the agreement keeps no suspension reason).
     */
    public List<AgreementEvent> suspend(String reason, Instant at) {
        requireStatus(AgreementStatus.ACTIVE, "suspend");
        status = AgreementStatus.SUSPENDED;
        return List.of(new AgreementSuspended(id, reason, at));
    }

    /** SUSPENDED -> ACTIVE. */
    public List<AgreementEvent> resume(Instant at) {
        requireStatus(AgreementStatus.SUSPENDED, "resume");
        status = AgreementStatus.ACTIVE;
        return List.of(new AgreementResumed(id, at));
    }

    /** ACTIVE or SUSPENDED -> TERMINATED, with the reason: mobility-service cancels the nominations still pending. */
    public List<AgreementEvent> terminate(String reason, Instant at) {
        if (status != AgreementStatus.ACTIVE && status != AgreementStatus.SUSPENDED) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, "terminate");
        }
        status = AgreementStatus.TERMINATED;
        terminationReason = reason;
        return List.of(new AgreementTerminated(id, reason, at));
    }

    /**
     * ACTIVE or SUSPENDED -> EXPIRED, once the academic year {@code current} is after its last one; no event (and
     * no change) otherwise, so that the periodic check may ask any agreement, any number of times.
     */
    public List<AgreementEvent> expireIfEnded(String current, Instant at) {
        boolean ended = (status == AgreementStatus.ACTIVE || status == AgreementStatus.SUSPENDED)
                && AcademicYear.start(lastAcademicYear) < AcademicYear.start(current);
        if (!ended) {
            return List.of();
        }
        status = AgreementStatus.EXPIRED;
        return List.of(new AgreementExpired(id, lastAcademicYear, at));
    }

    public List<String> partyCodes() {
        return parties.stream().map(p -> p.institution).toList();
    }

    private void requireStatus(AgreementStatus expected, String action) {
        if (status != expected) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, action);
        }
    }
}
