package org.passerelle.mobility.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agreement as mobility-service knows it, from agreements-service's events: whether mobilities may be
 * nominated against it (only while ACTIVE), between which institutions and for which academic years.
 */
@Entity
@Table(name = "agreement")
public class Agreement {

    public enum Status { ACTIVE, SUSPENDED, TERMINATED, EXPIRED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(100)[]")
    public List<String> parties;

    @Column(name = "first_academic_year", nullable = false)
    public String firstAcademicYear;

    @Column(name = "last_academic_year", nullable = false)
    public String lastAcademicYear;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
