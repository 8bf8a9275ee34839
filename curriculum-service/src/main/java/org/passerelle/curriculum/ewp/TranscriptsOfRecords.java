package org.passerelle.curriculum.ewp;

import org.passerelle.runtime.ewp.EwpXmlWriter;
import org.passerelle.curriculum.grading.GradingScale;
import org.passerelle.curriculum.records.MobilityCopy;
import org.passerelle.curriculum.records.Transcript;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Transcripts of records in the form EWP uses: the Incoming Mobility ToRs API v2 (tag v2.0.0 of
 * ewp-specs-api-imobility-tors), whose tor names the mobility by its omobility-id and carries the transcript as an
 * EMREX ELMO v1 document (tag v1.7.0 of emrex-eu/elmo-schemas); field by field as docs/interop/ewp.md writes it down.
 */
public final class TranscriptsOfRecords {

    public static final String GET_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/get-response.xsd";
    public static final String INDEX_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/index-response.xsd";
    public static final String ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";

    /** The credit scheme ELMO predefines, and the one Passerelle adds for the Chinese credits beside it. */
    static final String ECTS = "ects";
    static final String CHINESE_CREDITS = "cn-credits";

    /** One transcript to write: the version in force, the mobility it is for and the scale its grades are in. */
    public record Source(MobilityCopy mobility, Transcript transcript, GradingScale scale) {
    }

    private TranscriptsOfRecords() {
    }

    /** An imobility-tors-get-response with one tor per transcript. */
    public static byte[] getResponse(List<Source> sources, Instant generatedAt) {
        var xml = new EwpXmlWriter(GET_NS, "imobility-tors-get-response", "elmo", ELMO_NS);
        for (Source source : sources) {
            xml.in(GET_NS).start("tor").element("omobility-id", source.mobility().mobilityId);
            elmo(xml.in(ELMO_NS), source, generatedAt);
            xml.end();
        }
        return xml.finish();
    }

    /** An imobility-tors-index-response naming these mobilities. */
    public static byte[] indexResponse(List<UUID> mobilityIds) {
        var xml = new EwpXmlWriter(INDEX_NS, "imobility-tors-index-response");
        mobilityIds.forEach(id -> xml.element("omobility-id", id));
        return xml.finish();
    }

    private static void elmo(EwpXmlWriter xml, Source source, Instant generatedAt) {
        MobilityCopy mobility = source.mobility();
        Transcript transcript = source.transcript();
        xml.start("elmo").element("generatedDate", generatedAt);
        // curriculum-service holds no names: the mobility events carry the person's id only (docs/interop/ewp.md)
        xml.start("learner").identifier("passerelle-person-id", mobility.personId)
                .element("givenNames", "").element("familyName", "").end();
        xml.start("report");
        xml.start("issuer").identifier("schac", mobility.receivingInstitution)
                .element("title", mobility.receivingInstitution).element("url", "https://" + mobility.receivingInstitution).end();
        for (Transcript.Result result : transcript.results) {
            result(xml, result, transcript.scaleId);
        }
        xml.element("issueDate", transcript.issuedAt);
        gradingScheme(xml, source.scale());
        xml.end();
        xml.end();
    }

    /** A learning-agreement component as an ELMO course: its session, the grade, the credits earned in both schemes. */
    private static void result(EwpXmlWriter xml, Transcript.Result r, UUID scaleId) {
        xml.start("learningOpportunitySpecification").identifier("local", r.sessionId())
                .element("title", r.title() != null ? r.title() : "Session " + r.sessionId()).element("type", "Course");
        xml.start("specifies").start("learningOpportunityInstance")
                .element("date", r.assessedOn())
                .element("status", r.passed() ? "passed" : "failed")
                .element("gradingSchemeLocalId", scaleId)
                .element("resultLabel", r.grade());
        credit(xml, ECTS, r.ectsEarned());
        credit(xml, CHINESE_CREDITS, r.chineseCreditsEarned());
        xml.end().end().end();
    }

    private static void credit(EwpXmlWriter xml, String scheme, BigDecimal value) {
        if (value != null) {
            xml.start("credit").element("scheme", scheme).element("value", value.toPlainString()).end();
        }
    }

    /** The scale, described in words: ELMO has no structure for it. */
    private static void gradingScheme(EwpXmlWriter xml, GradingScale scale) {
        xml.start("gradingScheme").attribute("localId", scale.id.toString()).element("description", describe(scale)).end();
    }

    static String describe(GradingScale scale) {
        String range = switch (scale.kind) {
            case NUMERIC -> "from " + scale.minimum.toPlainString() + " to " + scale.maximum.toPlainString()
                    + ", pass mark " + scale.passMark.toPlainString();
            case LABELS -> "labels " + String.join(", ", scale.orderedLabels()) + ", lowest pass " + scale.lowestPass;
            case PASS_FAIL -> "pass or fail";
        };
        return scale.name + " (" + scale.code + ", " + scale.institution + "): " + range + ".";
    }
}
