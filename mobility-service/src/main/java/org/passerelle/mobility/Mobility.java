package org.passerelle.mobility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One person's stay at a partner institution, counted against an agreement's places. */
@Entity
public class Mobility {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MobilityStatus status;

    /** The receiving side's academic year, e.g. 2025/2026. */
    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
