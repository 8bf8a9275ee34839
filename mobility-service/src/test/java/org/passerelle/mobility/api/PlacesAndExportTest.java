package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.QuotaLedger;
import org.passerelle.runtime.csv.CsvReader;
import org.passerelle.runtime.csv.CsvRow;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The places left as the quota ledger holds them, for both parties; mobilities exported in the form the bulk reads. */
@QuarkusTest
class PlacesAndExportTest {

    static final String LYON1 = NominationTest.LYON1;
    static final String SJTUSM = NominationTest.SJTUSM;
    static final String PARIS = NominationTest.PARIS;

    @Inject
    EntityManager entityManager;

    @Inject
    QuotaLedger quota;

    @Test
    void bothPartiesReadThePlacesTheLedgerHoldsAndOthersNothing() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 2, null, null);
        var clinical = AgreementsInForce.condition("sjtu.edu.cn", "univ-lyon1.fr", "CLINICAL_INTERNSHIP_MID", 5, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer, clinical);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(LYON1).contentType("application/json")
                    .body(NominationTest.nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", "123456789AB"))
                    .when().post("/api/mobilities").then().statusCode(i < 2 ? 201 : 409);
        }

        for (String party : List.of(LYON1, SJTUSM, TestTokens.of("admin", "sjtu.edu.cn"))) {
            given().auth().oauth2(party).queryParam("academicYear", "2026/2027")
                    .when().get("/api/mobilities/agreements/{a}/conditions/{c}/places", agreement, summer.id())
                    .then().statusCode(200)
                    .body("places", equalTo(2)).body("taken", equalTo(2)).body("left", equalTo(0));
        }
        assertEquals(2, quota.used(summer.id(), "2026/2027"), "the answer is the ledger's");
        given().auth().oauth2(SJTUSM).queryParam("academicYear", "2026/2027")
                .when().get("/api/mobilities/agreements/{a}/places", agreement)
                .then().statusCode(200)
                .body("places", equalTo(7)).body("taken", equalTo(2)).body("left", equalTo(5))
                .body("conditions.size()", equalTo(2));
        given().auth().oauth2(LYON1).queryParam("academicYear", "2031/2032")
                .when().get("/api/mobilities/agreements/{a}/places", agreement)
                .then().statusCode(200).body("places", equalTo(0)).body("left", equalTo(0));

        given().auth().oauth2(PARIS).queryParam("academicYear", "2026/2027")
                .when().get("/api/mobilities/agreements/{a}/places", agreement).then().statusCode(404);
        given().auth().oauth2(LYON1).queryParam("academicYear", "2026/2027")
                .when().get("/api/mobilities/agreements/{a}/conditions/{c}/places", agreement, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(LYON1).queryParam("academicYear", "2026")
                .when().get("/api/mobilities/agreements/{a}/places", agreement).then().statusCode(400)
                .body("errors[0].field", equalTo("academicYear"));
    }

    @Test
    void exportedMobilitiesReadBackAsTheNominationsThatMadeThem() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 30, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String session = UUID.randomUUID().toString();
        String sent = "Accord;Condition;Année universitaire;Arrivée prévue;Départ prévu;Prénom;Nom;Nom chinois;Courriel;INE;Sessions demandées\r\n"
                + agreement + ";" + summer.id() + ";2026/2027;05/07/2027;30/07/2027;Éloïse;D'Aubigné;;eloise.x@etu.univ-lyon1.fr;123456789AB;" + session + "\r\n"
                + agreement + ";" + summer.id() + ";2026/2027;2027-07-06;2027-07-31;François;Lefèvre;;francois.x@etu.univ-lyon1.fr;1234567890A;\r\n";
        String batch = given().auth().oauth2(LYON1).contentType("text/csv").body(sent.getBytes(Charset.forName("windows-1252")))
                .when().post("/api/mobilities/bulk").then().statusCode(201).body("created", equalTo(2)).extract().path("batchId");

        byte[] exported = given().auth().oauth2(LYON1).accept("text/csv").queryParam("batch", batch)
                .when().get("/api/mobilities").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asByteArray();
        var read = CsvReader.read(exported, null, Locale.ENGLISH, BulkNominations.CSV).rows();
        var original = CsvReader.read(sent.getBytes(Charset.forName("windows-1252")), null, Locale.ENGLISH, BulkNominations.CSV).rows();
        assertEquals(2, read.size());
        assertEquals(original.stream().map(PlacesAndExportTest::nomination).sorted().toList(),
                read.stream().map(PlacesAndExportTest::nomination).sorted().toList());

        given().auth().oauth2(LYON1).contentType("text/csv").body("accord;condition;année;arrivée prévue;départ prévu;prénom;nom;"
                        + "nom chinois;courriel;chambre\r\n").when().post("/api/mobilities/bulk")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-csv")).body("errors[0].field", equalTo("chambre"));
        given().auth().oauth2(LYON1).queryParam("batch", batch).when().get("/api/mobilities")
                .then().statusCode(200).contentType(containsString("application/json")).body("totalItems", equalTo(2));

        String statistics = org.passerelle.runtime.csv.CsvWriter.text(given().auth().oauth2(LYON1).accept("text/csv")
                .queryParam("academicYear", "2026/2027").when().get("/api/statistics/mobilities")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray());
        org.junit.jupiter.api.Assertions.assertTrue(statistics.startsWith("academicYear;direction;partnerInstitution;mobilityType;status;mobilities\r\n")
                && statistics.contains("2026/2027;INBOUND;univ-lyon1.fr;SUMMER_TRAINING;NOMINATED;"), statistics);
    }

    /** What the bulk nomination reads from a row, as text to compare. */
    private static String nomination(CsvRow row) {
        return String.join("|", row.text("agreementId"), row.text("conditionId"), row.text("academicYear"),
                String.valueOf(row.date("plannedArrival")), String.valueOf(row.date("plannedDeparture")), row.text("givenName"),
                row.text("familyName"), String.valueOf(row.text("chineseName")), row.text("email"), String.valueOf(row.text("ine")),
                String.valueOf(row.uuids("requestedSessions")));
    }
}
