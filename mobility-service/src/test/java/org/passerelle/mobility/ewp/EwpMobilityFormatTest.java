package org.passerelle.mobility.ewp;

import org.junit.jupiter.api.Test;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.mobility.learning.Component;
import org.passerelle.mobility.learning.LearningAgreement;
import org.passerelle.mobility.learning.Party;
import org.passerelle.runtime.problem.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mobilities and learning agreements in EWP's forms, without Quarkus or a database: every export valid against the
 * official schemas (OMobilities v2.0.0, OMobility LAs v1.2.0), the specification's own examples too, and each
 * mapping rule of docs/interop/ewp.md.
 */
class EwpMobilityFormatTest {

    static final UUID CARDIOLOGY = UUID.fromString("e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56");
    static final UUID ANATOMY = UUID.fromString("0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13");
    static final UUID SURGERY = UUID.fromString("5a1e9c3b-7d2f-4b8a-9e6c-1f3d5b7a9c24");
    static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

    static final OMobilityLas.Settings SETTINGS = new OMobilityLas.Settings(7, "0912", hei -> new Factsheet(hei,
            "Claire", "Martin", "relations.internationales@" + hei, hei.equals("sjtu.edu.cn") ? "en" : "fr", "B2"));

    @Test
    void theOfficialExamplesAreValidAgainstTheSchemasKept() throws Exception {
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("omobilities-get-response-example.xml"), EwpSchemaCopies.OMOBILITIES_GET));
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("omobilities-index-response-example.xml"), EwpSchemaCopies.OMOBILITIES_INDEX));
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("omobility-las-get-response-example.xml"), EwpSchemaCopies.LAS_GET));
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("omobility-las-index-response-example.xml"), EwpSchemaCopies.LAS_INDEX));
    }

    @Test
    void outgoingAndIncomingMobilitiesAreValidOMobilitiesEachDescribedByItsSendingHei() throws Exception {
        var outgoing = mobility("sjtu.edu.cn", "univ-lyon1.fr", "SUMMER_TRAINING", MobilityStatus.ACCEPTED);
        outgoing.studentNumber = "519111910042";
        outgoing.plannedArrival = LocalDate.of(2026, 7, 1);
        outgoing.plannedDeparture = LocalDate.of(2026, 8, 15);
        outgoing.academicYear = "2025/2026";
        var incoming = mobility("univ-lyon1.fr", "sjtu.edu.cn", "BASIC_COURSES", MobilityStatus.NOMINATED);
        incoming.ine = "123456789AB";
        incoming.plannedDeparture = LocalDate.of(2027, 9, 10);

        byte[] xml = OMobilities.getResponse(List.of(outgoing, incoming));
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.OMOBILITIES_GET));
        Document doc = EwpSchemaCopies.parse(xml);
        assertEquals(List.of(outgoing.id.toString(), incoming.id.toString()), texts(doc, "omobility-id"));
        assertEquals(List.of("sjtu.edu.cn", "univ-lyon1.fr", "univ-lyon1.fr", "sjtu.edu.cn"), texts(doc, "hei-id"));
        assertEquals(List.of("urn:schac:personalUniqueCode:int:esi:sjtu.edu.cn:519111910042",
                "urn:schac:personalUniqueCode:int:esi:fr:123456789AB"), texts(doc, "global-id"));
        assertEquals(List.of("live", "nomination"), texts(doc, "status"));
        assertEquals(List.of("student-traineeships", "student-studies"), texts(doc, "activity-type"));
        // a summer stay inside the year is in that year's term; a stay across two years is non-standard
        assertEquals(List.of("2025/2026-1/1"), texts(doc, "sending-academic-term-ewp-id"));
        assertEquals(1, doc.getElementsByTagNameNS("*", "non-standard-mobility-period").getLength());
        assertEquals(List.of("2026-07-01", "2026-09-20"), texts(doc, "planned-arrival-date"));
    }

    @Test
    void everyStatusHasItsEwpStatus() {
        assertEquals(List.of("nomination", "live", "cancelled", "cancelled", "live", "live", "cancelled"),
                List.of(MobilityStatus.values()).stream().map(OMobilities::status).toList());
    }

    @Test
    void aStaffMobilityHasNoEwpFormAndAStudentWithoutIdentifierIsNamed() {
        var staff = mobility("sjtu.edu.cn", "u-paris.fr", "STAFF_TEACHING", MobilityStatus.ACCEPTED);
        var refused = assertThrows(ProblemException.class, () -> OMobilities.getResponse(List.of(staff)));
        assertEquals("ewp-not-a-student-mobility", refused.type().slug());

        var anonymous = mobility("univ-lyon1.fr", "sjtu.edu.cn", "BASIC_COURSES", MobilityStatus.NOMINATED);
        var incomplete = assertThrows(ProblemException.class, () -> OMobilities.getResponse(List.of(anonymous)));
        assertEquals("ewp-incomplete", incomplete.type().slug());
        assertEquals("person.ine", incomplete.fieldErrors().get(0).field());
    }

    @Test
    void theIndexesAreValid() {
        var ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertEquals(List.of(), EwpSchemaCopies.errors(OMobilities.indexResponse(ids), EwpSchemaCopies.OMOBILITIES_INDEX));
        assertEquals(List.of(), EwpSchemaCopies.errors(OMobilityLas.indexResponse(ids), EwpSchemaCopies.LAS_INDEX));
        assertEquals(List.of(), EwpSchemaCopies.errors(OMobilities.indexResponse(List.of()), EwpSchemaCopies.OMOBILITIES_INDEX));
    }

    @Test
    void aLearningAgreementShowsItsFirstSignedVersionTheChangesInForceAndTheSignedProposal() throws Exception {
        var m = student();
        var la = LearningAgreement.none(m.id);
        signedByAll(m, la, List.of(cardiology(), anatomy()));                 // version 1: the first version
        signedByAll(m, la, List.of(cardiology(), surgery()));                 // version 2: anatomy out, surgery in
        var third = la.propose(m, la.revision, List.of(surgery()), "sending", T.plusSeconds(600));
        la.approve(m, Party.STUDENT, third.contentHash, "student", "student", T.plusSeconds(700));
        la.approve(m, Party.SENDING_COORDINATOR, third.contentHash, "lyon", "coordinator", T.plusSeconds(800));

        byte[] xml = OMobilityLas.getResponse(List.of(new OMobilityLas.Source(m, la)), SETTINGS);
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.LAS_GET), new String(xml));
        Document doc = EwpSchemaCopies.parse(xml);
        Element first = only(doc, "first-version");
        assertEquals(List.of(CARDIOLOGY.toString(), ANATOMY.toString()), texts(first, "los-code"));
        assertEquals(List.of("", ""), attributes(first, "component", "status"));
        assertEquals(List.of("ects", "cn-credits", "ects", "cn-credits"), texts(first, "scheme"));
        assertEquals(List.of("6.0", "4.0", "5.0", "3.3"), texts(first, "value"));
        assertEquals(List.of("1 Chinese credit = 1.5 ECTS (Chinese credits given, ECTS converted).",
                "1 Chinese credit = 1.5 ECTS (ECTS given, Chinese credits converted)."), texts(first, "short-description"));
        assertEquals(1, first.getElementsByTagNameNS("*", "receiving-hei-signature").getLength());

        Element changes = only(doc, "approved-changes");
        assertEquals(List.of(ANATOMY.toString(), SURGERY.toString()), texts(changes, "los-code"));
        assertEquals(List.of("deleted", "inserted"), attributes(changes, "component", "status"));

        Element proposal = only(doc, "changes-proposal");
        assertEquals(third.contentHash, proposal.getAttribute("id"));
        assertEquals(List.of("deleted", "deleted", "inserted"), attributes(proposal, "component", "status"));
        assertEquals(0, proposal.getElementsByTagNameNS("*", "receiving-hei-signature").getLength());

        assertEquals(List.of("Claire", "Claire"), texts(doc, "given-names").subList(0, 2));
        assertEquals(List.of("en"), texts(doc, "language"));   // SJTUSM receives
        assertEquals(List.of("7"), texts(doc, "eqf-level-studied-at-departure"));
        assertEquals(List.of("0912"), texts(doc, "isced-f-code"));
    }

    @Test
    void aFirstProposalSignedByTheSendingSideIsAProposalAndAnUnsignedOneIsNotShown() throws Exception {
        var m = student();
        var la = LearningAgreement.none(m.id);
        var proposal = la.propose(m, la.revision, List.of(cardiology()), "student", T);
        assertEquals(List.of(), texts(EwpSchemaCopies.parse(OMobilityLas.getResponse(List.of(new OMobilityLas.Source(m, la)), SETTINGS)), "la"));

        la.approve(m, Party.STUDENT, proposal.contentHash, "student", "student", T);
        la.approve(m, Party.SENDING_COORDINATOR, proposal.contentHash, "lyon", "coordinator", T);
        byte[] xml = OMobilityLas.getResponse(List.of(new OMobilityLas.Source(m, la)), SETTINGS);
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.LAS_GET));
        Document doc = EwpSchemaCopies.parse(xml);
        assertEquals(0, doc.getElementsByTagNameNS("*", "first-version").getLength());
        assertEquals(List.of(""), attributes(only(doc, "changes-proposal"), "component", "status"));
    }

    @Test
    void aMissingContactOrLanguageSettingIsNamed() {
        var m = student();
        var la = LearningAgreement.none(m.id);
        signedByAll(m, la, List.of(cardiology()));
        var bare = new OMobilityLas.Settings(7, "0912", hei -> new Factsheet(hei, null, null, null, null, null));
        var refused = assertThrows(ProblemException.class,
                () -> OMobilityLas.getResponse(List.of(new OMobilityLas.Source(m, la)), bare));
        assertEquals("ewp-incomplete", refused.type().slug());
        assertTrue(refused.fieldErrors().stream().anyMatch(e -> e.field().equals("passerelle.ewp.institutions.\"sjtu.edu.cn\".language")));
        assertEquals(8, refused.fieldErrors().size());
    }

    // ---- data ----

    static Mobility mobility(String sending, String receiving, String type, MobilityStatus status) {
        var m = new Mobility();
        m.id = UUID.randomUUID();
        m.status = status;
        m.agreementId = UUID.randomUUID();
        m.conditionId = UUID.randomUUID();
        m.mobilityType = type;
        m.academicYear = "2026/2027";
        m.sendingInstitution = sending;
        m.receivingInstitution = receiving;
        m.plannedArrival = LocalDate.of(2026, 9, 20);
        m.plannedDeparture = LocalDate.of(2027, 2, 28);
        m.personId = UUID.randomUUID();
        m.givenName = "Hélène";
        m.familyName = "Wáng";
        m.chineseName = "王海伦";
        m.email = "helene.wang@etu.univ-lyon1.fr";
        return m;
    }

    static Mobility student() {
        var m = mobility("univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", MobilityStatus.ACCEPTED);
        m.ine = "123456789AB";
        return m;
    }

    static Component.Draft cardiology() {
        return new Component.Draft(CARDIOLOGY, "Stage clinique en cardiologie – 心内科临床实习", null, new BigDecimal("4"), new BigDecimal("1.5"), null);
    }

    static Component.Draft anatomy() {
        return new Component.Draft(ANATOMY, "Anatomie médicale – 医学解剖学", new BigDecimal("5"), null, new BigDecimal("1.5"), null);
    }

    static Component.Draft surgery() {
        return new Component.Draft(SURGERY, "Chirurgie générale – 普通外科", new BigDecimal("6"), new BigDecimal("4"), null, null);
    }

    private static int clock;

    static void signedByAll(Mobility m, LearningAgreement la, List<Component.Draft> components) {
        var version = la.propose(m, la.revision, components, "student", T.plusSeconds(++clock));
        for (Party party : Party.values()) {
            la.approve(m, party, version.contentHash, party.name(), "coordinator", T.plusSeconds(++clock));
        }
    }

    static List<String> texts(Document doc, String name) {
        return texts(doc.getDocumentElement(), name);
    }

    static List<String> texts(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS("*", name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    static List<String> attributes(Element parent, String element, String attribute) {
        var nodes = parent.getElementsByTagNameNS("*", element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    static Element only(Document doc, String name) {
        var nodes = doc.getElementsByTagNameNS("*", name);
        assertEquals(1, nodes.getLength(), name);
        return (Element) nodes.item(0);
    }
}
