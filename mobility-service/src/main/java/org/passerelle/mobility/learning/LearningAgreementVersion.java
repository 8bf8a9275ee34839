package org.passerelle.mobility.learning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One version of a learning agreement: the components as proposed, named by their content hash, and the
 * approvals the parties gave it. Its components never change; a change is a new version.
 */
@Entity
@Table(name = "learning_agreement_version")
public class LearningAgreementVersion {

    /** PROPOSED until approved by all three parties (APPROVED, in force) or replaced by a newer proposal (WITHDRAWN). */
    @Schema(name = "LearningAgreementVersionStatus")
    public enum Status { PROPOSED, APPROVED, SUPERSEDED, WITHDRAWN }

    /**
     * A party's approval of this version's content.
     *
     * @param approvedBy the subject of the approver's token
     * @param approvedAs the role they approved with: student, coordinator, integration or admin
     */
    @Schema(name = "LearningAgreementVersionApproval")
    public record Approval(Party party, String approvedBy, String approvedAs, Instant approvedAt) {
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Component> components;

    /** SHA-256 of the components: what each party names to approve this version. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The subject of the proposer's token. */
    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Approval> approvals = new ArrayList<>();

    @Column(name = "in_force_from")
    public Instant inForceFrom;

    /** When it was superseded or withdrawn. */
    @Column(name = "ended_at")
    public Instant endedAt;

    static LearningAgreementVersion proposed(int number, List<Component> components, String by, Instant at) {
        var version = new LearningAgreementVersion();
        version.id = UUID.randomUUID();
        version.number = number;
        version.status = Status.PROPOSED;
        version.components = List.copyOf(components);
        version.contentHash = hash(components);
        version.proposedBy = by;
        version.proposedAt = at;
        return version;
    }

    /** SHA-256 of the components in their order and fixed form. */
    static String hash(List<Component> components) {
        String content = String.join("\n", components.stream().map(Component::canonical).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public boolean approvedBy(Party party) {
        return approvals.stream().anyMatch(a -> a.party() == party);
    }

    /** The parties whose approval it still waits for. */
    public List<Party> awaiting() {
        return java.util.Arrays.stream(Party.values()).filter(p -> !approvedBy(p)).toList();
    }

    void approve(Approval approval) {
        var all = new ArrayList<>(approvals);   // a new list: the JSON column is compared by value on flush
        all.add(approval);
        approvals = all;
    }

    void comeIntoForce(Instant at) {
        status = Status.APPROVED;
        inForceFrom = at;
    }

    void end(Status how, Instant at) {
        status = how;
        endedAt = at;
    }
}
