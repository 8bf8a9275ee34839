package org.passerelle.curriculum.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What this service knows of a mobility, kept from mobility-service's events (MobilityEvents). */
@Entity
@Table(name = "mobility_copy")
public class MobilityCopy {

    public static final String COMPLETED = "COMPLETED";

    @Id
    @Column(name = "mobility_id")
    public UUID mobilityId;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(name = "mobility_type", nullable = false)
    public String mobilityType;

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Column(name = "person_id")
    public UUID personId;

    /** Only when the nomination event carries it; a student reads their own transcript by it. */
    @Column(name = "student_email")
    public String studentEmail;

    @Column(nullable = false)
    public String status;

    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** Both coordinators' institutions see it; a student only their own. */
    public boolean involves(String institution) {
        return sendingInstitution.equals(institution) || receivingInstitution.equals(institution);
    }
}
