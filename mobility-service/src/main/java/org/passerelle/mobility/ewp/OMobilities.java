package org.passerelle.mobility.ewp;

import org.passerelle.runtime.ewp.EwpXmlWriter;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Mobilities in the form of EWP's Outgoing Mobilities API v2 (tag v2.0.0 of ewp-specs-api-omobilities): the get
 * response (student-mobility elements) and the index response, field by field as docs/interop/ewp.md writes it
 * down. Both directions are written the same way: an EWP omobility is described by its sending HEI, which is
 * SJTUSM for the outgoing mobilities and the French partner for the incoming ones.
 */
public final class OMobilities {

    public static final String GET_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd";
    public static final String INDEX_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/index-response.xsd";

    /** The European Student Identifier: nation-wide (the French INE) or issued by the home institution. */
    static final String ESI = "urn:schac:personalUniqueCode:int:esi:";

    private static final List<String> STAFF_TYPES = List.of("STAFF_TEACHING", "STAFF_TRAINING");

    private OMobilities() {
    }

    /** An omobilities-get-response with these mobilities, in their order; refused if one has no EWP form. */
    public static byte[] getResponse(List<Mobility> mobilities) {
        var xml = new EwpXmlWriter(GET_NS, "omobilities-get-response");
        mobilities.forEach(m -> studentMobility(xml, m));
        return xml.finish();
    }

    /** An omobilities-index-response naming these mobilities. */
    public static byte[] indexResponse(List<UUID> ids) {
        var xml = new EwpXmlWriter(INDEX_NS, "omobilities-index-response");
        ids.forEach(id -> xml.element("omobility-id", id));
        return xml.finish();
    }

    public static boolean isStudentMobility(String mobilityType) {
        return !STAFF_TYPES.contains(mobilityType);
    }

    private static void studentMobility(EwpXmlWriter xml, Mobility m) {
        requireStudent(m);
        String globalId = globalId(m);
        xml.start("student-mobility").element("omobility-id", m.id);
        xml.start("sending-hei").element("hei-id", m.sendingInstitution).end();
        xml.start("receiving-hei").element("hei-id", m.receivingInstitution).end();
        String term = academicTerm(m.academicYear, m.plannedArrival, m.plannedDeparture);
        if (term != null) {
            xml.element("sending-academic-term-ewp-id", term);
        } else {
            xml.empty("non-standard-mobility-period");
        }
        xml.element("receiving-academic-year-id", m.academicYear);
        xml.start("student").element("given-names", m.givenName);
        // the Chinese name is one string in Passerelle; EWP wants given and family names apart in each alphabet
        xml.element("family-name", m.familyName);
        xml.element("global-id", globalId).element("email", m.email).end();
        xml.element("status", status(m.status)).element("activity-type", activityType(m.mobilityType))
                .element("activity-attributes", "long-term")
                .element("planned-arrival-date", m.plannedArrival).element("planned-departure-date", m.plannedDeparture);
        xml.end();
    }

    static void requireStudent(Mobility m) {
        if (!isStudentMobility(m.mobilityType)) {
            throw new ProblemException(EwpProblems.NOT_A_STUDENT_MOBILITY, m.mobilityType);
        }
    }

    /**
     * The student's ESI: the INE (France, nation-wide) when the nomination gave one, otherwise the SJTU student
     * number as issued by the sending institution. A student mobility always has one of them, but rows older than
     * that rule may not: such a mobility is refused, naming the field.
     */
    static String globalId(Mobility m) {
        if (m.ine != null && !m.ine.isBlank()) {
            return ESI + "fr:" + m.ine;
        }
        if (m.studentNumber != null && !m.studentNumber.isBlank()) {
            return ESI + m.sendingInstitution + ":" + m.studentNumber;
        }
        throw new ProblemException(EwpProblems.INCOMPLETE,
                List.of(new Problem.FieldError("person.ine", "EWP requires the student's global id: an INE or a student number")), 1);
    }

    /**
     * The academic year as an EWP term ("2026/2027-1/1") when the planned stay lies within it (1 September to 31
     * August, in France and in China alike); null for a stay across two years, which EWP calls non-standard.
     */
    static String academicTerm(String academicYear, LocalDate arrival, LocalDate departure) {
        int start = Integer.parseInt(academicYear.substring(0, 4));
        LocalDate first = LocalDate.of(start, 9, 1);
        LocalDate last = LocalDate.of(start + 1, 8, 31);
        return !arrival.isBefore(first) && !departure.isAfter(last) ? academicYear + "-1/1" : null;
    }

    /**
     * EWP v2 knows nomination, live, recognized and cancelled. Accepted, under way and completed are all "live"
     * (recognition is curriculum-service's, and EWP's "recognized" is not told here); a rejection, and a nomination
     * whose sessions were refused (SEAT_REFUSED: the coordinator nominates again), are "cancelled".
     */
    static String status(MobilityStatus status) {
        return switch (status) {
            case NOMINATED -> "nomination";
            case ACCEPTED, IN_PROGRESS, COMPLETED -> "live";
            case REJECTED, CANCELLED, SEAT_REFUSED -> "cancelled";
        };
    }

    /** Basic courses are studies; summer training, clinical internships and research are traineeships. */
    static String activityType(String mobilityType) {
        return mobilityType.equals("BASIC_COURSES") ? "student-studies" : "student-traineeships";
    }
}
