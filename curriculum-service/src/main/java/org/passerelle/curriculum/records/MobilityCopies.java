package org.passerelle.curriculum.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the copy of each mobility and of its last approved learning agreement from mobility-service's events, in
 * the transaction of IncomingEvents.handleOnce (seats.MobilityEvents hands them over). The events of a mobility come
 * in order, one partition per mobility.
 */
@ApplicationScoped
public class MobilityCopies {

    /** The fields every mobility event carries, and the nomination's person (studentEmail only if a later version sends it). */
    public record MobilityData(UUID mobilityId, UUID agreementId, String academicYear, String mobilityType, String sendingInstitution,
                               String receivingInstitution, UUID personId, String studentEmail, Instant completedAt) {
    }

    /** The data of LearningAgreementApproved v1 this service reads. */
    public record Approved(UUID mobilityId, String academicYear, String sendingInstitution, String receivingInstitution,
                           int versionNumber, List<Component> components) {
        public record Component(UUID sessionId, String title, BigDecimal ects, BigDecimal chineseCredits) {
        }
    }

    @Inject
    EntityManager entityManager;

    public void changed(MobilityData m, String status) {
        entityManager.createNativeQuery("""
                        insert into mobility_copy (mobility_id, agreement_id, academic_year, mobility_type, sending_institution,
                                                   receiving_institution, person_id, student_email, status, completed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (mobility_id) do update set
                            agreement_id = excluded.agreement_id, academic_year = excluded.academic_year,
                            mobility_type = excluded.mobility_type, sending_institution = excluded.sending_institution,
                            receiving_institution = excluded.receiving_institution,
                            person_id = coalesce(excluded.person_id, mobility_copy.person_id),
                            student_email = coalesce(excluded.student_email, mobility_copy.student_email),
                            status = excluded.status,
                            completed_at = coalesce(excluded.completed_at, mobility_copy.completed_at), changed_at = now()""")
                .setParameter(1, m.mobilityId()).setParameter(2, m.agreementId()).setParameter(3, m.academicYear())
                .setParameter(4, m.mobilityType()).setParameter(5, m.sendingInstitution()).setParameter(6, m.receivingInstitution())
                .setParameter(7, m.personId()).setParameter(8, m.studentEmail()).setParameter(9, status)
                .setParameter(10, m.completedAt())
                .executeUpdate();
    }

    /** The approved version replaces the components of an earlier one; an older version arriving late changes nothing. */
    public void approved(Approved approval) {
        Number known = (Number) entityManager.createNativeQuery(
                        "select coalesce(max(agreement_version), 0) from agreed_component where mobility_id = ?1")
                .setParameter(1, approval.mobilityId()).getSingleResult();
        if (known.intValue() > approval.versionNumber()) {
            return;
        }
        entityManager.createNativeQuery("delete from agreed_component where mobility_id = ?1")
                .setParameter(1, approval.mobilityId()).executeUpdate();
        for (var c : approval.components()) {
            entityManager.createNativeQuery("""
                            insert into agreed_component (mobility_id, session_id, title, ects, chinese_credits, agreement_version)
                            values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, approval.mobilityId()).setParameter(2, c.sessionId()).setParameter(3, c.title())
                    .setParameter(4, c.ects()).setParameter(5, c.chineseCredits()).setParameter(6, approval.versionNumber())
                    .executeUpdate();
        }
    }
}
