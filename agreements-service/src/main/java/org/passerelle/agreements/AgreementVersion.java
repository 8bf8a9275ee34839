package org.passerelle.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of an agreement that came into force, kept as it was approved: version 1 when the agreement
 * became active, then one per amendment. Never changed afterwards, except to note when it was superseded.
 */
@Entity
@Table(name = "agreement_version")
@IdClass(AgreementVersion.Key.class)
public class AgreementVersion {

    public record Key(UUID agreementId, int number) implements Serializable {
    }

    /** Who approved the version, and when. */
    public record Approval(String institution, Instant approvedAt) {
    }

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Id
    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AgreementContent content;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Approval> approvals;

    @Column(name = "in_force_from", nullable = false)
    public Instant inForceFrom;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    static AgreementVersion of(UUID agreementId, int number, AgreementContent content, List<Approval> approvals, Instant at) {
        var version = new AgreementVersion();
        version.agreementId = agreementId;
        version.number = number;
        version.content = content;
        version.contentHash = content.hash();
        version.approvals = approvals;
        version.inForceFrom = at;
        return version;
    }
}
