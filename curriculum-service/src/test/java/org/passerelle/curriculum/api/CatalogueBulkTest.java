package org.passerelle.curriculum.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.passerelle.runtime.csv.CsvWriter;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.ADMIN;

/** The catalogue in bulk from French Excel CSV, exported and sent back without creating anything twice. */
@QuarkusTest
class CatalogueBulkTest {

    private static final String FRENCH_HEADER = "Type;Titre français;Titre anglais;Titre chinois;Description française;"
            + "Description anglaise;Description chinoise;Langue;Code;Heures;Semestre;Crédits chinois;ECTS";

    @Test
    void aFrenchExcelCataloguePublishesEachItemOnceHoweverOftenSent() {
        String word = word();
        String csv = FRENCH_HEADER + "\r\n"
                + "BASIC_COURSE;Anatomie " + word + ";Anatomy " + word + ";解剖学;Cours d'anatomie;Anatomy course;解剖学课程;zh;ANAT-" + word + ";48;AUTUMN;3;4,5\r\n"
                + "BASIC_COURSE;Physiologie " + word + ";Physiology " + word + ";生理学;Cours de physiologie;Physiology course;生理学课程;zh;PHYS-" + word + ";32;SPRING;2;3\r\n"
                + "LECTURE;Histologie;Histology;组织学;Cours;Course;课程;zh;HIST-" + word + ";32;SPRING;;\r\n";
        postCsv("/api/catalogue/bulk", csv).statusCode(201)
                .body("created", equalTo(2)).body("refused", equalTo(1))
                .body("rows[2].problem.errors[0].field", equalTo("kind"));
        given().auth().oauth2(ADMIN).queryParam("q", word).when().get("/api/catalogue")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items.credits.ects", hasItem(4.5f));
        postCsv("/api/catalogue/bulk", csv).statusCode(201).body("created", equalTo(0)).body("matched", equalTo(2));
    }

    @Test
    void theCatalogueAndItsSessionsExportedAndSentBackChangeNothing() {
        String word = word();
        String item = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("[" + org.passerelle.curriculum.Fixtures.internship("Stage " + word, "Internship " + word, "实习",
                        UUID.randomUUID().toString()) + "]")
                .header("Idempotency-Key", "items-" + word)
                .when().post("/api/catalogue/bulk").then().statusCode(201).body("created", equalTo(1)).extract().path("rows[0].id");

        String sessions = "élément;année universitaire;date de début;date de fin;capacité\r\n"
                + item + ";2026/2027;05/07/2027;30/07/2027;30\r\n"
                + item + ";2026/2027;2027-08-02;2027-08-27;20\r\n";
        postCsv("/api/catalogue/sessions/bulk", sessions).statusCode(201).body("created", equalTo(2));

        String catalogue = export("/api/catalogue?q=" + word);
        assertTrue(catalogue.contains(";Internship " + word + ";"), catalogue);
        assertTrue(catalogue.contains("HEALTH_INSURANCE HEPATITIS_B_VACCINATION"), catalogue);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(exportBytes("/api/catalogue?q=" + word))
                .when().post("/api/catalogue/bulk").then().statusCode(201).body("created", equalTo(0)).body("matched", equalTo(1));
        assertEquals(catalogue, export("/api/catalogue?q=" + word));

        String planned = export("/api/catalogue/" + item + "/sessions");
        assertTrue(planned.contains(";2026/2027;2027-07-05;2027-07-30;30"), planned);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(exportBytes("/api/catalogue/" + item + "/sessions"))
                .when().post("/api/catalogue/sessions/bulk").then().statusCode(201).body("matched", equalTo(2));
        assertEquals(planned, export("/api/catalogue/" + item + "/sessions"));
    }

    @Test
    void aFileThatCannotBeReadAsAWholePublishesNothing() {
        String word = word();
        String row = "BASIC_COURSE;Anatomie " + word + ";Anatomy " + word + ";解剖学;Cours;Course;课程;zh;ANAT-" + word + ";48;AUTUMN;;\r\n";
        postCsv("/api/catalogue/bulk", FRENCH_HEADER + ";Salle\r\n" + row).statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:bad-csv")).body("errors[0].field", equalTo("Salle"));
        postCsv("/api/catalogue/bulk", FRENCH_HEADER + "\r\n" + row.repeat(501)).statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:validation"));
        postCsv("/api/catalogue/sessions/bulk", "").statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-csv"));
        given().auth().oauth2(ADMIN).queryParam("q", word).when().get("/api/catalogue")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static String export(String path) {
        return CsvWriter.text(exportBytes(path));
    }

    /** The export as sent: UTF-8 with its byte-order mark, which wins over the charset a client declares. */
    private static byte[] exportBytes(String path) {
        return given().auth().oauth2(ADMIN).accept("text/csv").when().get(path)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
    }

    /** As Excel's "CSV UTF-8" writes it, with a byte-order mark: windows-1252 has no Chinese characters. */
    private static ValidatableResponse postCsv(String path, String csv) {
        return given().auth().oauth2(ADMIN).contentType("text/csv")
                .body(("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post(path).then();
    }

    /** Letters no other test's titles hold, so that a search finds only this test's items. */
    private static String word() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var word = new StringBuilder("Zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
