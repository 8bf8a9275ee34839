package org.passerelle.agreements.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.passerelle.agreements.MobilityType;

import java.time.Instant;
import java.util.UUID;

/** What agreements-service knows of a mobility, from mobility-service's events: enough to count it for targets. */
@Entity
@Table(name = "counted_mobility")
public class CountedMobility {

    /** The statuses of a mobility, as its events tell them. */
    public enum Status { NOMINATED, ACCEPTED, REJECTED, CANCELLED, SEAT_REFUSED, IN_PROGRESS, COMPLETED }

    @Id
    @Column(name = "mobility_id")
    public UUID mobilityId;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "mobility_type", nullable = false)
    public MobilityType mobilityType;

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** When the sending institution recognised its results (curriculum-service's ResultsRecognised); null until then. */
    @Column(name = "recognised_at")
    public Instant recognisedAt;
}
