package org.passerelle.agreements.ewp;

import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EWP IIA format without the service: the official examples, the hash, the mapping both ways, bad files. */
class IiaFormatTest {

    static final Function<String, String> KNOWN = code -> switch (code) {
        case "sjtu.edu.cn", "univ-lyon1.fr", "u-paris.fr", "uw.edu.pl", "hibo.no" -> code;
        case "univ-paris5.fr" -> "u-paris.fr";   // a previous code names the institution by its current one
        default -> null;
    };

    static byte[] example(String name) {
        try (InputStream in = IiaFormatTest.class.getResourceAsStream("/ewp/examples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CooperationCondition condition(String from, String to, MobilityType type, int places) {
        var c = new CooperationCondition();
        c.sendingInstitution = from;
        c.receivingInstitution = to;
        c.mobilityType = type;
        c.placesPerYear = places;
        c.firstAcademicYear = "2026/2027";
        c.lastAcademicYear = "2029/2030";
        c.language = "fr";
        c.cefrLevel = "B2";
        return c;
    }

    /** SJTUSM - Lyon 1 with one condition of each EWP kind and the details EWP has no element for. */
    static AgreementContent lyonAgreement() {
        var internship = condition("sjtu.edu.cn", "univ-lyon1.fr", MobilityType.CLINICAL_INTERNSHIP_MID, 10);
        internship.minimumDays = 30;
        internship.maximumDays = 90;
        internship.eqfLevel = 7;
        internship.iscedCode = "0912";
        var courses = condition("univ-lyon1.fr", "sjtu.edu.cn", MobilityType.BASIC_COURSES, 4);
        courses.maximumDays = 150;
        courses.language = "zh";
        courses.cefrLevel = "B1";
        var teaching = condition("univ-lyon1.fr", "sjtu.edu.cn", MobilityType.STAFF_TEACHING, 2);
        teaching.staffDaysPerYear = 10;
        teaching.eqfLevel = 8;
        var training = condition("sjtu.edu.cn", "univ-lyon1.fr", MobilityType.STAFF_TRAINING, 3);
        training.staffDaysPerYear = 15;
        training.language = null;
        training.cefrLevel = null;
        var summer = condition("sjtu.edu.cn", "univ-lyon1.fr", MobilityType.SUMMER_TRAINING, 7);
        summer.maximumDays = 31;
        return AgreementContent.of(AgreementKind.BILATERAL_EXCHANGE, LocalizedText.of("Accord", "Agreement", "协议"),
                List.of("univ-lyon1.fr", "sjtu.edu.cn"), LocalDate.of(2026, 3, 2), "Lyon", "2026/2027", "2029/2030",
                List.of(internship, courses, teaching, training, summer));
    }

    static byte[] export(AgreementContent content) {
        var iia = IiaMapping.toIia(UUID.fromString("5b0c7d7e-2f0a-4c55-9d0e-3f1c2b7a9e11"), content, true, "sjtu.edu.cn",
                Map.of(), Locale.ENGLISH);
        var doc = IiaXml.getResponse(List.of(iia));
        IiaHash.fill(doc);
        return IiaXml.serialize(doc);
    }

    /** The IIAs of a get response, which must be valid against get-response.xsd. */
    static List<Iia> valid(byte[] getResponse) {
        try {
            return IiaXml.readGetResponse(getResponse);
        } catch (ProblemException e) {
            throw new AssertionError("not valid: " + e.fieldErrors() + "\n" + new String(getResponse, StandardCharsets.UTF_8), e);
        }
    }

    @Test
    void theOfficialExamplesAreValidAndTheirHashIsTheOneTheSpecificationComputes() {
        var example = IiaXml.readGetResponse(example("get-response-example.xml"));
        assertEquals(1, example.size());
        String text = IiaHash.textsToHash(IiaXml.parse(example("get-response-example.xml"), EwpSchemas.iiasGet())).get(0);
        assertEquals(example.get(0).iiaHash(), IiaHash.sha256(text));
        assertEquals("e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4", IiaHash.sha256(text));

        var kit = IiaXml.parse(example("xslt-kit-get-response-v7.xml"), EwpSchemas.iiasGet());
        assertEquals("87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033", IiaHash.sha256(IiaHash.textsToHash(kit).get(0)));

        IiaXml.parse(example("index-response-example.xml"), EwpSchemas.iiasIndex());
    }

    @Test
    void anExportIsValidAgainstTheSchemaAndCarriesItsOwnHash() {
        byte[] xml = export(lyonAgreement());
        var read = valid(xml);
        var iia = read.get(0);
        assertEquals("sjtu.edu.cn", iia.partners().get(0).heiId());
        assertEquals("5b0c7d7e-2f0a-4c55-9d0e-3f1c2b7a9e11", iia.partners().get(0).iiaId());
        assertEquals(List.of(Iia.Kind.STUDENT_STUDIES, Iia.Kind.STUDENT_TRAINEESHIP, Iia.Kind.STUDENT_TRAINEESHIP,
                Iia.Kind.STAFF_TEACHER, Iia.Kind.STAFF_TRAINING), iia.conditions().stream().map(Iia.Spec::kind).toList());
        var internship = iia.conditions().get(1);
        assertEquals("30", internship.totalMonthsPerYear().toPlainString());   // 10 places x 90 days / 30
        assertEquals(List.of(7), internship.eqfLevels());
        assertEquals("0912", internship.subjectAreas().get(0).iscedCode());
        String text = IiaHash.textsToHash(IiaXml.parse(xml, EwpSchemas.iiasGet())).get(0);
        assertEquals(IiaHash.sha256(text), iia.iiaHash());
        assertTrue(text.contains("cooperation-conditions.student-traineeship-mobility-spec.mobilities-per-year=10"), text);
        String again = new String(export(lyonAgreement()), StandardCharsets.UTF_8);
        assertTrue(again.contains("<iia-hash>" + iia.iiaHash() + "</iia-hash>"), "the same content, the same hash");
    }

    @Test
    void aRoundTripKeepsEveryConditionAsItWas() {
        AgreementContent original = lyonAgreement();
        var imported = IiaMapping.fromIia(valid(export(original)).get(0), "iia[1].", KNOWN);
        AgreementContent back = imported.content();
        assertEquals(original.parties().stream().sorted().toList(), back.parties().stream().sorted().toList());
        assertEquals(original.firstAcademicYear(), back.firstAcademicYear());
        assertEquals(original.lastAcademicYear(), back.lastAcademicYear());
        assertEquals(original.signedOn(), back.signedOn());
        assertEquals(terms(original), terms(back));
        assertEquals(List.of(), imported.notKept());
    }

    /** The terms of each condition, in the order EWP lists them (by kind). */
    private static List<Map<String, Object>> terms(AgreementContent content) {
        return content.conditions().stream().sorted(java.util.Comparator.comparing(c -> IiaMapping.kindOf(c.mobilityType)))
                .map(CooperationCondition::terms).toList();
    }

    @Test
    void theOfficialExampleImportsWithWhatItDoesNotKeepListed() {
        var iia = IiaXml.readGetResponse(example("get-response-example.xml")).get(0);
        var imported = IiaMapping.fromIia(iia, "iia[1].", KNOWN);
        var content = imported.content();
        assertEquals(List.of("uw.edu.pl", "hibo.no"), content.parties());
        assertEquals("2014/2015", content.firstAcademicYear());
        assertEquals("2020/2021", content.lastAcademicYear());
        assertEquals(List.of(MobilityType.BASIC_COURSES, MobilityType.CLINICAL_INTERNSHIP_MID, MobilityType.STAFF_TEACHING,
                MobilityType.STAFF_TEACHING, MobilityType.STAFF_TRAINING), content.conditions().stream().map(c -> c.mobilityType).toList());
        var studies = content.conditions().get(0);
        assertEquals(2, studies.placesPerYear);
        assertEquals(75, studies.maximumDays);   // 5 months x 30 days / 2 mobilities
        assertEquals(7, studies.eqfLevel);
        assertEquals("en", studies.language);
        assertEquals(8, content.conditions().get(2).staffDaysPerYear);
        assertTrue(imported.notKept().stream().anyMatch(n -> n.contains("EQF levels [7, 8]")), imported.notKept().toString());
        assertTrue(imported.notKept().stream().anyMatch(n -> n.contains("language no B1")), imported.notKept().toString());
        assertTrue(imported.notKept().stream().anyMatch(n -> n.contains("contact")), imported.notKept().toString());
    }

    @Test
    void unknownInstitutionsAreListedNotInvented() {
        var iia = IiaXml.readGetResponse(example("get-response-example.xml")).get(0);
        var refused = assertThrows(InvalidFieldsException.class,
                () -> IiaMapping.fromIia(iia, "iia[1].", code -> code.equals("hibo.no") ? code : null));
        var fields = refused.fields().stream().map(InvalidFieldsException.InvalidField::field).toList();
        assertTrue(fields.contains("iia[1].partner[1].hei-id"), fields.toString());
        assertFalse(fields.contains("iia[1].partner[2].hei-id"), fields.toString());
        assertTrue(fields.contains("iia[1].cooperation-conditions.student-studies-mobility-spec[1].sending-hei-id"), fields.toString());
    }

    @Test
    void blendedMobilityIsAKindPasserelleDoesNotHandle() {
        String file = new String(example("get-response-example.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<blended>false</blended>", "<blended>true</blended>");
        var iia = IiaXml.readGetResponse(file.getBytes(StandardCharsets.UTF_8)).get(0);
        var refused = assertThrows(InvalidFieldsException.class, () -> IiaMapping.fromIia(iia, "iia[1].", KNOWN));
        assertEquals(List.of("iia[1].cooperation-conditions.student-studies-mobility-spec[1].blended"),
                refused.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
    }

    @Test
    void aFileOutsideTheSchemaIsRefusedWithEachErrorAtItsLineAndColumn() {
        String file = new String(example("get-response-example.xml"), StandardCharsets.UTF_8)
                .replace("<mobilities-per-year>10</mobilities-per-year>", "<mobilities-per-year>ten</mobilities-per-year>")
                .replace("<in-effect>true</in-effect>", "");
        var refused = assertThrows(ProblemException.class, () -> IiaXml.readGetResponse(file.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EwpProblems.INVALID_XML, refused.type());
        assertTrue(refused.fieldErrors().size() >= 2, refused.fieldErrors().toString());
        assertTrue(refused.fieldErrors().stream().allMatch(e -> e.field().matches("line \\d+, column \\d+")), refused.fieldErrors().toString());
        assertTrue(refused.fieldErrors().stream().anyMatch(e -> e.reason().contains("ten")), refused.fieldErrors().toString());

        var notXml = assertThrows(ProblemException.class, () -> IiaXml.readGetResponse("<iias-get-response".getBytes(StandardCharsets.UTF_8)));
        assertEquals(EwpProblems.INVALID_XML, notXml.type());
        assertTrue(notXml.fieldErrors().get(0).field().startsWith("line 1, column"), notXml.fieldErrors().toString());
    }

    static final String BOMB = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <iias-get-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd">&lol9;</iias-get-response>""";

    static final String EXTERNAL_ENTITY = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <iias-get-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd">&secret;</iias-get-response>""";

    @Test
    void entityBombsAndExternalEntitiesAreRefusedBeforeAnyEntityIsRead() {
        for (String file : List.of(BOMB, EXTERNAL_ENTITY)) {
            var refused = assertThrows(ProblemException.class, () -> IiaXml.readGetResponse(file.getBytes(StandardCharsets.UTF_8)));
            assertEquals(EwpProblems.DOCTYPE, refused.type());
        }
    }

    @Test
    void anAgreementEwpCannotCarryIsRefusedWithWhatIsMissing() {
        var content = lyonAgreement();
        content.conditions().get(1).language = null;   // basic courses: EWP requires a language for studies
        content.conditions().get(1).cefrLevel = null;
        var incomplete = assertThrows(ProblemException.class, () -> export(content));
        assertEquals(EwpProblems.INCOMPLETE, incomplete.type());
        assertEquals("conditions[1].language", incomplete.fieldErrors().get(0).field());

        var three = AgreementContent.of(AgreementKind.FRAMEWORK, LocalizedText.of("a", "b", "c"),
                List.of("sjtu.edu.cn", "univ-lyon1.fr", "u-paris.fr"), null, null, "2026/2027", "2027/2028", List.of());
        assertEquals(EwpProblems.NOT_BILATERAL, assertThrows(ProblemException.class, () -> export(three)).type());
    }
}
