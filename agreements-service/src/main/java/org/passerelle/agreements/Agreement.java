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
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * An agreement between SJTUSM and one or several partner institutions. It becomes ACTIVE only when every
 * party approved the same content: an approval names the content hash it saw.
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

    /** A new draft; the parties are SCHAC codes, at least two and each once. */
    public static Agreement draft(AgreementKind kind, LocalizedText title, List<String> parties,
                                  String firstAcademicYear, String lastAcademicYear) {
        return draft(kind, title, parties, firstAcademicYear, lastAcademicYear, List.of());
    }

    public static Agreement draft(AgreementKind kind, LocalizedText title, List<String> parties,
                                  String firstAcademicYear, String lastAcademicYear, List<CooperationCondition> conditions) {
        var distinct = new LinkedHashSet<>(parties);
        if (distinct.size() < 2 || distinct.size() != parties.size()) {
            throw new ProblemException(AgreementProblems.PARTIES, parties.size());
        }
        if (!AcademicYear.isValid(firstAcademicYear) || !AcademicYear.isValid(lastAcademicYear)
                || AcademicYear.start(lastAcademicYear) < AcademicYear.start(firstAcademicYear)) {
            throw new ProblemException(AgreementProblems.YEARS, firstAcademicYear, lastAcademicYear);
        }
        var agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.kind = kind;
        agreement.status = AgreementStatus.DRAFT;
        agreement.title = title;
        distinct.stream().sorted().forEach(p -> agreement.parties.add(new AgreementParty(p)));
        agreement.firstAcademicYear = firstAcademicYear;
        agreement.lastAcademicYear = lastAcademicYear;
        agreement.conditions.addAll(conditions);
        agreement.checkConditions();
        return agreement;
    }

    /** The rules of each cooperation condition that span fields, all reported at once by field. */
    private void checkConditions() {
        var problems = new InvalidFieldsException.Collector();
        for (int i = 0; i < conditions.size(); i++) {
            var c = conditions.get(i);
            String at = "conditions[" + i + "].";
            problems.check(!c.sendingInstitution.equals(c.receivingInstitution), at + "receivingInstitution", "condition.same-institution")
                    .check(hasParty(c.sendingInstitution), at + "sendingInstitution", "condition.not-a-party", c.sendingInstitution)
                    .check(hasParty(c.receivingInstitution), at + "receivingInstitution", "condition.not-a-party", c.receivingInstitution);
            boolean yearsValid = AcademicYear.isValid(c.firstAcademicYear) && AcademicYear.isValid(c.lastAcademicYear);
            problems.check(yearsValid, at + "firstAcademicYear", "condition.years-format");
            if (yearsValid) {
                problems.check(AcademicYear.start(c.lastAcademicYear) >= AcademicYear.start(c.firstAcademicYear),
                                at + "lastAcademicYear", "condition.years-order", c.firstAcademicYear)
                        .check(AcademicYear.start(c.firstAcademicYear) >= AcademicYear.start(firstAcademicYear)
                                        && AcademicYear.start(c.lastAcademicYear) <= AcademicYear.start(lastAcademicYear),
                                at + "firstAcademicYear", "condition.outside-agreement", firstAcademicYear, lastAcademicYear);
            }
            problems.check(c.minimumDays == null || c.maximumDays == null || c.minimumDays <= c.maximumDays,
                            at + "minimumDays", "condition.duration-order", c.maximumDays)
                    .check(c.mobilityType.isStaff() == (c.staffDaysPerYear != null), at + "staffDaysPerYear", "condition.staff-days")
                    .check((c.language == null) == (c.cefrLevel == null), at + "cefrLevel", "condition.language-pair");
        }
        problems.throwIfAny();
    }

    /** Changes the content of a draft; a proposed or active agreement changes only by amendment. */
    public void revise(AgreementKind kind, LocalizedText title, List<String> parties, String firstAcademicYear,
                       String lastAcademicYear, List<CooperationCondition> conditions) {
        requireStatus(AgreementStatus.DRAFT, "revise");
        var revised = draft(kind, title, parties, firstAcademicYear, lastAcademicYear, conditions);
        this.conditions.clear();
        this.conditions.addAll(revised.conditions);
        this.kind = revised.kind;
        this.title = revised.title;
        this.parties.clear();
        this.parties.addAll(revised.parties);
        this.firstAcademicYear = revised.firstAcademicYear;
        this.lastAcademicYear = revised.lastAcademicYear;
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

    /** DRAFT -> PROPOSED: the content is fixed and each party may now approve it. */
    public void propose() {
        requireStatus(AgreementStatus.DRAFT, "propose");
        status = AgreementStatus.PROPOSED;
        contentHash = hashOfContent();
    }

    /**
     * Records that a party approved the content it saw. Returns true when this approval made the agreement
     * ACTIVE (every party approved the same content).
     */
    public boolean approve(String institution, String approvedHash, Instant at) {
        requireStatus(AgreementStatus.PROPOSED, "approve");
        AgreementParty party = parties.stream().filter(p -> p.institution.equals(institution)).findFirst()
                .orElseThrow(() -> new ProblemException(AgreementProblems.NOT_A_PARTY, institution));
        if (!contentHash.equals(approvedHash)) {
            throw new ProblemException(AgreementProblems.STALE_APPROVAL, contentHash);
        }
        party.approvedHash = approvedHash;
        party.approvedAt = at;
        if (parties.stream().allMatch(p -> p.approved(contentHash))) {
            status = AgreementStatus.ACTIVE;
            return true;
        }
        return false;
    }

    /** ACTIVE -> SUSPENDED: no new mobility may count against it until it is resumed. */
    public void suspend() {
        requireStatus(AgreementStatus.ACTIVE, "suspend");
        status = AgreementStatus.SUSPENDED;
    }

    /** SUSPENDED -> ACTIVE. */
    public void resume() {
        requireStatus(AgreementStatus.SUSPENDED, "resume");
        status = AgreementStatus.ACTIVE;
    }

    /** ACTIVE or SUSPENDED -> TERMINATED, with the reason. */
    public void terminate(String reason) {
        if (status != AgreementStatus.ACTIVE && status != AgreementStatus.SUSPENDED) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, "terminate");
        }
        status = AgreementStatus.TERMINATED;
        terminationReason = reason;
    }

    public List<String> partyCodes() {
        return parties.stream().map(p -> p.institution).toList();
    }

    private void requireStatus(AgreementStatus expected, String action) {
        if (status != expected) {
            throw new ProblemException(AgreementProblems.WRONG_STATUS, status, action);
        }
    }

    /** What the parties approve: kind, titles, parties and years, in a fixed order. */
    String hashOfContent() {
        String content = String.join("\n", kind.name(), title.fr(), title.en(), title.zh(),
                String.join(",", partyCodes()), firstAcademicYear, lastAcademicYear,
                String.join("\n", conditions.stream().map(CooperationCondition::content).toList()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
