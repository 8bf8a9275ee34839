package org.passerelle.agreements.ewp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One inter-institutional agreement as the EWP IIAs API (v7) carries it, apart from the XML: what is exported,
 * read on import, and what an EWP network adapter would send and receive. Only the elements Passerelle reads or
 * writes are here; what an import leaves aside is reported by the mapping (see docs/interop/ewp.md).
 *
 * @param partners   exactly two; the first is the HEI that publishes the IIA
 * @param inEffect   signed by both, and followed (or once followed)
 * @param iiaHash    SHA-256 of the text the spec's XSLT draws from the IIA ({@link IiaHash})
 * @param terminated the attribute terminated-as-a-whole
 */
public record Iia(List<Partner> partners, boolean inEffect, List<Spec> conditions, String iiaHash, boolean terminated) {

    /** A partner HEI and its own ids for this IIA. */
    public record Partner(String heiId, String ounitId, String iiaId, String iiaCode, LocalDate signingDate, int contacts) {
    }

    /** The four kinds of cooperation condition, in the order the schema requires them. */
    public enum Kind {
        STUDENT_STUDIES("student-studies-mobility-spec"),
        STUDENT_TRAINEESHIP("student-traineeship-mobility-spec"),
        STAFF_TEACHER("staff-teacher-mobility-spec"),
        STAFF_TRAINING("staff-training-mobility-spec");

        public final String element;

        Kind(String element) {
            this.element = element;
        }

        public boolean isStudent() {
            return this == STUDENT_STUDIES || this == STUDENT_TRAINEESHIP;
        }

        /** Student studies and staff teaching must name at least one recommended language skill. */
        public boolean requiresLanguage() {
            return this == STUDENT_STUDIES || this == STAFF_TEACHER;
        }

        public static Kind ofElement(String name) {
            for (Kind kind : values()) {
                if (kind.element.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not a mobility specification: " + name);
        }
    }

    public record LanguageSkill(String language, String cefrLevel) {
    }

    public record SubjectArea(String iscedCode, String clarification) {
    }

    /**
     * One unidirectional cooperation condition (a "mobility specification").
     *
     * @param totalMonthsPerYear students only
     * @param blended            students only (required there)
     * @param eqfLevels          students only
     * @param totalDaysPerYear   staff only
     * @param contacts           how many sending and receiving contacts it names
     */
    public record Spec(Kind kind, String sendingHeiId, String sendingOunitId, String receivingHeiId, String receivingOunitId,
                       String firstAcademicYear, String lastAcademicYear, int mobilitiesPerYear,
                       List<LanguageSkill> languageSkills, List<SubjectArea> subjectAreas, String otherInfoTerms,
                       BigDecimal totalMonthsPerYear, Boolean blended, List<Integer> eqfLevels, BigDecimal totalDaysPerYear,
                       int contacts) {
    }
}
