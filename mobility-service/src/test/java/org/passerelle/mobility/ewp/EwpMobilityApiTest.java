package org.passerelle.mobility.ewp;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EWP exports of mobilities and learning agreements over HTTP: valid against the official schemas, for the
 * parties only, and the indexes of what changed since a moment.
 */
@QuarkusTest
class EwpMobilityApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String SJTUSM = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String OFFICE = TestTokens.of("admin", "sjtu.edu.cn");
    static final String CARDIOLOGY = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";

    private static UUID agreement;
    private static UUID condition;

    @Inject
    EntityManager entityManager;

    @Test
    void aMobilityIsAnOMobilityForItsPartiesOnlyAndInTheIndexOnceChanged() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        var student = nominated();
        byte[] xml = given().auth().oauth2(SJTUSM).when().get("/api/ewp/omobilities/" + student.mobility())
                .then().statusCode(200).contentType("application/xml").extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.OMOBILITIES_GET));
        var doc = EwpSchemaCopies.parse(xml);
        assertEquals(List.of("urn:schac:personalUniqueCode:int:esi:fr:123456789AB"), EwpMobilityFormatTest.texts(doc, "global-id"));
        assertEquals(List.of("nomination"), EwpMobilityFormatTest.texts(doc, "status"));

        given().auth().oauth2(PARIS).when().get("/api/ewp/omobilities/" + student.mobility())
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));

        byte[] index = given().auth().oauth2(LYON1).queryParam("modified_since", before.toString())
                .when().get("/api/ewp/omobilities").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(index, EwpSchemaCopies.OMOBILITIES_INDEX));
        assertTrue(EwpMobilityFormatTest.texts(EwpSchemaCopies.parse(index), "omobility-id").contains(student.mobility()));
        byte[] parisIndex = given().auth().oauth2(PARIS).when().get("/api/ewp/omobilities").then().statusCode(200).extract().asByteArray();
        assertFalse(EwpMobilityFormatTest.texts(EwpSchemaCopies.parse(parisIndex), "omobility-id").contains(student.mobility()));
        byte[] later = given().auth().oauth2(OFFICE).queryParam("modified_since", Instant.now().plusSeconds(60).toString())
                .when().get("/api/ewp/omobilities").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpMobilityFormatTest.texts(EwpSchemaCopies.parse(later), "omobility-id"));
    }

    @Test
    void aLearningAgreementAppearsInEwpOnceSignedByTheStudentAndTheSendingSide() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        var student = nominated();
        String path = "/api/mobilities/" + student.mobility() + "/learning-agreement";
        String hash = given().auth().oauth2(student.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body("""
                        {"components":[{"sessionId":"%s","title":"Stage clinique en cardiologie – 心内科临床实习","chineseCredits":4,
                          "ectsPerChineseCredit":1.5}]}""".formatted(CARDIOLOGY))
                .when().post(path + "/proposals").then().statusCode(201).extract().path("pending.contentHash");
        assertEquals(List.of(), laIds(before));
        byte[] nothing = given().auth().oauth2(LYON1).when().get("/api/ewp/omobilities/las/" + student.mobility())
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpMobilityFormatTest.texts(EwpSchemaCopies.parse(nothing), "la"));

        for (String token : List.of(student.token(), LYON1)) {
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                    .when().post(path + "/approvals").then().statusCode(200);
        }
        byte[] xml = given().auth().oauth2(SJTUSM).when().get("/api/ewp/omobilities/las/" + student.mobility())
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.LAS_GET), new String(xml));
        var doc = EwpSchemaCopies.parse(xml);
        assertEquals(hash, EwpMobilityFormatTest.only(doc, "changes-proposal").getAttribute("id"));
        assertEquals(List.of("claire.martin@example.org", "wei.zhang@example.org", student.email()), EwpMobilityFormatTest.texts(doc, "email"));
        assertEquals(List.of(student.mobility()), laIds(before));

        given().auth().oauth2(PARIS).when().get("/api/ewp/omobilities/las/" + student.mobility()).then().statusCode(404);
    }

    private List<String> laIds(Instant since) throws Exception {
        byte[] index = given().auth().oauth2(LYON1).queryParam("modified_since", since.toString())
                .when().get("/api/ewp/omobilities/las").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(index, EwpSchemaCopies.LAS_INDEX));
        return EwpMobilityFormatTest.texts(EwpSchemaCopies.parse(index), "omobility-id");
    }

    record Student(String mobility, String token, String email) {
    }

    private Student nominated() throws Exception {
        synchronized (EwpMobilityApiTest.class) {
            if (agreement == null) {
                var clinical = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", 100, 90, 365);
                agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", clinical);
                condition = clinical.id();
            }
        }
        String email = "helene.wang." + UUID.randomUUID().toString().substring(0, 8) + "@etu.univ-lyon1.fr";
        String id = given().auth().oauth2(LYON1).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2026-09-20",
                         "plannedDeparture":"2027-02-28","requestedSessions":["%s"],
                         "person":{"givenName":"Hélène","familyName":"Wáng","chineseName":"王海伦","email":"%s","ine":"123456789AB"}}"""
                        .formatted(agreement, condition, CARDIOLOGY, email))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        return new Student(id, AgreementsInForce.studentToken("univ-lyon1.fr", email), email);
    }
}
