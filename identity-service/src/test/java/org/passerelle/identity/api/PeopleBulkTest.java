package org.passerelle.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.passerelle.runtime.csv.CsvWriter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People in bulk from French Excel CSV or JSON, matched by identifier so that nobody is registered twice. */
@QuarkusTest
class PeopleBulkTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String ADMIN = PersonApiTest.ADMIN;
    private static final String FRENCH_HEADER = "Type;Établissement;Prénom;Nom;Date de naissance;Nationalité;Courriel;INE;Numéro étudiant SJTU";

    @Test
    void aFrenchExcelFileRegistersEachPersonOnceEvenWhenTheFileNamesThemTwice() {
        String ine = PersonApiTest.ine();
        String family = familyName();
        String csv = FRENCH_HEADER + "\r\n"
                + "STUDENT;u-paris.fr;Éloïse;" + family + ";17/04/2003;FR;eloise@u-paris.example;" + ine + ";\r\n"
                + "STUDENT;u-paris.fr;François;" + family + ";05/11/2002;FR;francois@u-paris.example;;\r\n"
                + "student;u-paris.fr;Eloise;" + family + ";17/04/2003;FR;eloise.bis@u-paris.example;" + ine.toLowerCase() + ";\r\n"
                + "STUDENT;u-paris.fr;Zoé;" + family + ";31/02/2003;FR;zoe@u-paris.example;;\r\n";
        var rows = postCsv(csv.getBytes(WINDOWS_1252), null).statusCode(201)
                .body("created", equalTo(2)).body("matched", equalTo(1)).body("refused", equalTo(1))
                .body("rows[0].outcome", equalTo("CREATED"))
                .body("rows[2].outcome", equalTo("MATCHED"))
                .body("rows[3].problem.errors[0].field", equalTo("dateOfBirth"))
                .body("rows[3].problem.errors[0].reason", containsString("dd/mm/yyyy"))
                .extract().jsonPath();
        assertEquals(rows.getString("rows[0].id"), rows.getString("rows[2].id"), "the third row is the first person");
        given().auth().oauth2(ADMIN).queryParam("identifier", ine).when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].name.given", equalTo("Éloïse"))
                .body("items[0].dateOfBirth", equalTo("2003-04-17"));
    }

    @Test
    void theFrenchExcelSampleOfTheDocsImportsWithItsAccents() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/examples/personnes-excel-fr.csv"));
        postCsv(sample, null).statusCode(201).body("refused", equalTo(0)).body("rows.size()", equalTo(4));
        given().auth().oauth2(ADMIN).queryParam("identifier", "200211050fl").when().get("/api/people")
                .then().statusCode(200).body("items[0].name.given", equalTo("François"))
                .body("items[0].name.family", equalTo("Lefèvre-Çelik")).body("items[0].dateOfBirth", equalTo("2002-11-05"));
        postCsv(sample, null).statusCode(201).body("created", equalTo(0)).body("matched", equalTo(4));
    }

    @Test
    void jsonRowsWithAnIdempotencyKeyRegisterOnceHoweverOftenSent() {
        String number = PersonApiTest.sjtuNumber();
        String body = "[" + PersonApiTest.person("STUDENT", "sjtu.edu.cn", "Fang", familyName(),
                "[{\"scheme\":\"SJTU_STUDENT_NUMBER\",\"value\":\"" + number + "\"}]") + "]";
        String key = "bulk-" + number;
        String id = postJson(body, key).statusCode(201).body("rows[0].outcome", equalTo("CREATED")).extract().path("rows[0].id");
        postJson(body, key).statusCode(201).header("Idempotency-Replayed", "true").body("rows[0].id", equalTo(id));
        postJson(body, null).statusCode(201).body("rows[0].outcome", equalTo("MATCHED")).body("rows[0].id", equalTo(id));
    }

    @Test
    void theExportSentBackMatchesEveryoneAndChangesNothing() {
        String family = familyName();
        String csv = FRENCH_HEADER + "\r\n"
                + "STUDENT;u-paris.fr;Éloïse;" + family + ";17/04/2003;FR;e1@u-paris.example;" + PersonApiTest.ine() + ";\r\n"
                + "STAFF;u-paris.fr;Zoë;" + family + ";;;z1@u-paris.example;;\r\n";
        postCsv(csv.getBytes(WINDOWS_1252), null).statusCode(201).body("created", equalTo(2));

        byte[] exported = export(family);
        String text = CsvWriter.text(exported);
        assertTrue(text.startsWith("id;kind;institution;givenName;familyName;"), text);
        assertTrue(text.contains(";Zoë;" + family + ";"), text);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(exported).when().post("/api/people/bulk")
                .then().statusCode(201).body("created", equalTo(0)).body("matched", equalTo(2));
        assertEquals(text, CsvWriter.text(export(family)), "the list is as it was");
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedAndRegistersNobody() {
        String family = familyName();
        String row = "STUDENT;u-paris.fr;Éloïse;" + family + ";;FR;e@u-paris.example;;\r\n";
        postCsv(new byte[0], null).statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-csv"));
        postCsv((FRENCH_HEADER + ";Sport\r\n" + row).getBytes(WINDOWS_1252), null).statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:bad-csv")).body("errors.field", hasItem("Sport"));
        postCsv(("Type;Établissement;Prénom;Nom\r\n" + row).getBytes(WINDOWS_1252), null).statusCode(400)
                .body("errors.field", hasItem("email"));
        postCsv((FRENCH_HEADER + "\r\n" + row).getBytes(StandardCharsets.UTF_16LE), null).statusCode(400)
                .body("errors[0].field", equalTo("charset")).body("errors[0].reason", containsString("UTF-16"));
        postCsv((FRENCH_HEADER + "\r\n" + row.repeat(501)).getBytes(WINDOWS_1252), null).statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:validation")).body("errors[0].field", equalTo("rows"));
        postCsv((FRENCH_HEADER + "\r\n" + row.replace(';', ',')).getBytes(WINDOWS_1252), null).statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:nothing-imported")).body("rows[0].outcome", equalTo("REFUSED"));
        assertEquals(413, postTwentyMegabytes().statusCode());
        given().auth().oauth2(ADMIN).queryParam("name", family).when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    /** Sent by the JDK's client, which streams the body: a test client that copies 20 MB would run out of heap. */
    private static java.net.http.HttpResponse<String> postTwentyMegabytes() {
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        Arrays.fill(twentyMegabytes, (byte) 'a');
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/people/bulk"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(twentyMegabytes)).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(response.body().contains("urn:passerelle:problem:payload-too-large"), response.body());
            return response;
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("the 20 MB request did not get an answer", e);
        }
    }

    private static byte[] export(String family) {
        return given().auth().oauth2(ADMIN).accept("text/csv").queryParam("name", family).when().get("/api/people")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
    }

    private static ValidatableResponse postCsv(byte[] csv, String key) {
        var request = given().auth().oauth2(ADMIN).contentType("text/csv").body(csv);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/people/bulk").then();
    }

    private static ValidatableResponse postJson(String json, String key) {
        var request = given().auth().oauth2(ADMIN).contentType("application/json").body(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/people/bulk").then();
    }

    /** A family name no other test uses, so that a name search finds only this test's people. */
    static String familyName() {
        var random = ThreadLocalRandom.current();
        var name = new StringBuilder("Lefèvre");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
