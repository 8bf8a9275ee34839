package org.passerelle.curriculum.ewp;

import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.grading.GradingScale;
import org.passerelle.curriculum.records.MobilityCopy;
import org.passerelle.curriculum.records.Transcript;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Transcripts of records in EWP's form, without Quarkus or a database: valid against the official IMobility ToRs v2
 * and EMREX ELMO v1 schemas, the specifications' own examples too, and the mapping of docs/interop/ewp.md.
 */
class TranscriptsOfRecordsTest {

    static final UUID CARDIOLOGY = UUID.fromString("e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56");
    static final UUID ANATOMY = UUID.fromString("0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13");

    @Test
    void theOfficialExamplesAreValidAgainstTheSchemasKept() throws Exception {
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("imobility-tors-get-response-example.xml"), EwpSchemaCopies.TORS_GET));
        assertEquals(List.of(), EwpSchemaCopies.errors(EwpSchemaCopies.example("elmo-example.xml"), EwpSchemaCopies.ELMO_ALONE));
    }

    @Test
    void aTranscriptIsAToRWithOneCoursePerResultItsGradeAndCreditsInBothSchemes() throws Exception {
        var mobility = new MobilityCopy();
        mobility.mobilityId = UUID.randomUUID();
        mobility.personId = UUID.randomUUID();
        mobility.sendingInstitution = "univ-lyon1.fr";
        mobility.receivingInstitution = "sjtu.edu.cn";
        var scale = GradingScale.numeric("sjtu.edu.cn", "SJTU-100", "Barème de SJTUSM – 百分制", BigDecimal.ZERO, new BigDecimal("100"),
                new BigDecimal("60"), 1);
        scale.id = UUID.randomUUID();
        var transcript = Transcript.version(mobility.mobilityId, 2, scale.id, "sjtu.edu.cn", "sjtu-coordinator", "Resit passed", List.of(
                new Transcript.Result(CARDIOLOGY, "Stage clinique en cardiologie – 心内科临床实习", "85", true, new BigDecimal("6.0"),
                        new BigDecimal("4.0"), LocalDate.of(2027, 7, 28)),
                new Transcript.Result(ANATOMY, null, "55", false, new BigDecimal("0.0"), new BigDecimal("0.0"), LocalDate.of(2027, 7, 29))));
        transcript.issuedAt = Instant.parse("2027-08-02T10:00:00Z");

        byte[] xml = TranscriptsOfRecords.getResponse(List.of(new TranscriptsOfRecords.Source(mobility, transcript, scale)),
                Instant.parse("2027-08-03T09:00:00Z"));
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.TORS_GET), new String(xml));
        var doc = EwpSchemaCopies.parse(xml);
        assertEquals(List.of(mobility.mobilityId.toString()), EwpSchemaCopies.texts(doc, "omobility-id"));
        assertEquals(List.of("Stage clinique en cardiologie – 心内科临床实习", "Session " + ANATOMY), EwpSchemaCopies.texts(doc, "title").subList(1, 3));
        assertEquals(List.of("passed", "failed"), EwpSchemaCopies.texts(doc, "status"));
        assertEquals(List.of("85", "55"), EwpSchemaCopies.texts(doc, "resultLabel"));
        assertEquals(List.of("ects", "cn-credits", "ects", "cn-credits"), EwpSchemaCopies.texts(doc, "scheme"));
        assertEquals(List.of("6.0", "4.0", "0.0", "0.0"), EwpSchemaCopies.texts(doc, "value"));
        assertEquals(List.of("2027-07-28", "2027-07-29"), EwpSchemaCopies.texts(doc, "date"));
        assertEquals(List.of("2027-08-02T10:00:00Z"), EwpSchemaCopies.texts(doc, "issueDate"));
        assertEquals(List.of("Barème de SJTUSM – 百分制 (SJTU-100, sjtu.edu.cn): from 0 to 100, pass mark 60."),
                EwpSchemaCopies.texts(doc, "description"));
    }

    @Test
    void theIndexIsValid() {
        assertEquals(List.of(), EwpSchemaCopies.errors(TranscriptsOfRecords.indexResponse(List.of(UUID.randomUUID())), EwpSchemaCopies.TORS_INDEX));
    }
}
