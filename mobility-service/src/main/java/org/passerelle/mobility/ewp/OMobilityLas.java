package org.passerelle.mobility.ewp;

import org.passerelle.runtime.ewp.EwpXmlWriter;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.learning.Component;
import org.passerelle.mobility.learning.LearningAgreement;
import org.passerelle.mobility.learning.LearningAgreementVersion;
import org.passerelle.mobility.learning.Party;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Learning agreements in the form of EWP's Outgoing Mobility Learning Agreements API v1 (tag v1.2.0 of
 * ewp-specs-api-omobility-las): the get response (la elements) and the index response, as docs/interop/ewp.md
 * writes it down. Passerelle keeps every version of a learning agreement; EWP shows three of them: the first one
 * signed by all (first-version), the changes in force since (approved-changes) and the changes proposed
 * (changes-proposal, once the student and the sending side signed it, as EWP's proposals always are).
 */
public final class OMobilityLas {

    public static final String GET_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd";
    public static final String INDEX_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/index-response.xsd";

    /** The credit scheme EWP predefines, and the one Passerelle adds for the Chinese credits beside it. */
    static final String ECTS = "ects";
    static final String CHINESE_CREDITS = "cn-credits";
    static final String SIGNER_APP = "Passerelle";

    /**
     * What the learning agreement needs beyond the mobility: the level and subject area of the student (EWP requires
     * them; mobility-service has neither) and each institution's factsheet.
     */
    public record Settings(int eqfLevel, String iscedCode, Function<String, Factsheet> factsheets) {
    }

    /** A mobility and its learning agreement. */
    public record Source(Mobility mobility, LearningAgreement agreement) {
    }

    private OMobilityLas() {
    }

    /**
     * An omobility-las-get-response with the learning agreements that have a form in EWP: a learning agreement with
     * nothing signed yet by the student and the sending side is left out, as EWP has no element for it.
     */
    public static byte[] getResponse(List<Source> sources, Settings settings) {
        var xml = new EwpXmlWriter(GET_NS, "omobility-las-get-response");
        for (Source source : sources) {
            if (isShown(source.agreement())) {
                la(xml, source.mobility(), source.agreement(), settings);
            }
        }
        return xml.finish();
    }

    public static byte[] indexResponse(List<UUID> mobilityIds) {
        var xml = new EwpXmlWriter(INDEX_NS, "omobility-las-index-response");
        mobilityIds.forEach(id -> xml.element("omobility-id", id));
        return xml.finish();
    }

    /** Whether EWP can show this learning agreement: a version signed by all, or a proposal the sending side signed. */
    public static boolean isShown(LearningAgreement agreement) {
        return firstSigned(agreement).isPresent() || signedProposal(agreement).isPresent();
    }

    private static void la(EwpXmlWriter xml, Mobility m, LearningAgreement agreement, Settings settings) {
        OMobilities.requireStudent(m);
        String globalId = OMobilities.globalId(m);
        Factsheet sending = settings.factsheets().apply(m.sendingInstitution);
        Factsheet receiving = settings.factsheets().apply(m.receivingInstitution);
        requireFactsheets(sending, receiving);

        xml.start("la").element("omobility-id", m.id);
        institution(xml, "sending-hei", sending);
        institution(xml, "receiving-hei", receiving);
        xml.element("receiving-academic-year-id", m.academicYear);
        xml.start("student").element("given-names", m.givenName).element("family-name", m.familyName)
                .element("global-id", globalId).element("email", m.email).end();
        xml.element("start-date", m.plannedArrival).element("end-date", m.plannedDeparture);
        xml.element("eqf-level-studied-at-departure", settings.eqfLevel()).element("isced-f-code", settings.iscedCode());
        xml.start("student-language-skill").element("language", receiving.language()).element("cefr-level", receiving.cefrLevel()).end();

        var first = firstSigned(agreement);
        var inForce = agreement.inForce();
        first.ifPresent(v -> version(xml, "first-version", null, v.components, List.of(), false, v));
        if (first.isPresent() && inForce.isPresent() && inForce.get() != first.get()) {
            changes(xml, "approved-changes", null, first.get(), inForce.get());
        }
        signedProposal(agreement).ifPresent(proposal -> {
            if (first.isPresent()) {
                changes(xml, "changes-proposal", proposal.contentHash, first.get(), proposal);
            } else {
                version(xml, "changes-proposal", proposal.contentHash, proposal.components, List.of(), false, proposal);
            }
        });
        xml.end();
    }

    /** The contact persons and the language of instruction EWP requires, each missing setting named. */
    private static void requireFactsheets(Factsheet... factsheets) {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (Factsheet f : factsheets) {
            require(missing, f.heiId(), "contact-given-names", f.contactGivenNames());
            require(missing, f.heiId(), "contact-family-name", f.contactFamilyName());
            require(missing, f.heiId(), "contact-email", f.contactEmail());
        }
        require(missing, factsheets[1].heiId(), "language", factsheets[1].language());
        require(missing, factsheets[1].heiId(), "cefr-level", factsheets[1].cefrLevel());
        if (!missing.isEmpty()) {
            throw new ProblemException(EwpProblems.INCOMPLETE, missing, missing.size());
        }
    }

    private static void require(List<Problem.FieldError> missing, String heiId, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(new Problem.FieldError(Factsheet.setting(heiId, field), "EWP's learning agreement requires it"));
        }
    }

    private static void institution(EwpXmlWriter xml, String element, Factsheet f) {
        xml.start(element).element("hei-id", f.heiId()).start("contact-person")
                .element("given-names", f.contactGivenNames()).element("family-name", f.contactFamilyName())
                .element("email", f.contactEmail()).end().end();
    }

    /** EWP's changes are counted from the first version: the components added (inserted) and taken out (deleted). */
    private static void changes(EwpXmlWriter xml, String element, String id, LearningAgreementVersion first,
                                LearningAgreementVersion version) {
        List<Component> inserted = version.components.stream().filter(c -> !first.components.contains(c)).toList();
        List<Component> deleted = first.components.stream().filter(c -> !version.components.contains(c)).toList();
        version(xml, element, id, inserted, deleted, true, version);
    }

    /**
     * One list of components (Table A: the sessions at the receiving institution) and the signatures of the version
     * it comes from. A change marks each component inserted or deleted.
     */
    private static void version(EwpXmlWriter xml, String element, String id, List<Component> components,
                                List<Component> deleted, boolean change, LearningAgreementVersion signed) {
        xml.start(element).attribute("id", id).start("components-studied");
        deleted.forEach(c -> component(xml, c, "deleted"));
        components.forEach(c -> component(xml, c, change ? "inserted" : null));
        xml.end();
        signature(xml, "student-signature", signed, Party.STUDENT);
        signature(xml, "sending-hei-signature", signed, Party.SENDING_COORDINATOR);
        if (signed.approvedBy(Party.RECEIVING_COORDINATOR)) {
            signature(xml, "receiving-hei-signature", signed, Party.RECEIVING_COORDINATOR);
        }
        xml.end();
    }

    /** A catalogue session: its id as the code, its credits in both schemes, and the conversion rule as a sentence. */
    private static void component(EwpXmlWriter xml, Component c, String status) {
        xml.start("component").attribute("status", status).element("los-code", c.sessionId())
                .element("title", c.title() != null ? c.title() : "Session " + c.sessionId());
        credit(xml, ECTS, c.ects());
        credit(xml, CHINESE_CREDITS, c.chineseCredits());
        if (c.ectsPerChineseCredit() != null) {
            xml.element("short-description", "1 Chinese credit = " + c.ectsPerChineseCredit().toPlainString() + " ECTS ("
                    + (c.given() == Component.Given.ECTS ? "ECTS given, Chinese credits converted"
                    : c.given() == Component.Given.CHINESE_CREDITS ? "Chinese credits given, ECTS converted" : "both given") + ").");
        }
        xml.end();
    }

    private static void credit(EwpXmlWriter xml, String scheme, BigDecimal value) {
        xml.start("credit").element("scheme", scheme).element("value", value.toPlainString()).end();
    }

    private static void signature(EwpXmlWriter xml, String element, LearningAgreementVersion version, Party party) {
        var approval = version.approvals.stream().filter(a -> a.party() == party).findFirst().orElseThrow();
        xml.start(element).element("timestamp", approval.approvedAt()).element("signer-app", SIGNER_APP).end();
    }

    /** The first version all three parties approved: in force now, or superseded since. */
    static Optional<LearningAgreementVersion> firstSigned(LearningAgreement agreement) {
        return agreement.versions.stream()
                .filter(v -> v.status == LearningAgreementVersion.Status.APPROVED || v.status == LearningAgreementVersion.Status.SUPERSEDED)
                .min(Comparator.comparingInt(v -> v.number));
    }

    /** The pending proposal once the student and the sending coordinator approved it (EWP's proposals are signed so). */
    static Optional<LearningAgreementVersion> signedProposal(LearningAgreement agreement) {
        return agreement.pending().filter(v -> v.approvedBy(Party.STUDENT) && v.approvedBy(Party.SENDING_COORDINATOR));
    }
}
