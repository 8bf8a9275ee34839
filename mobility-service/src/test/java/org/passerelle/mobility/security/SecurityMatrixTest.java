package org.passerelle.mobility.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.OpenApiMatrix;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.devstack.testing.TokenChecks;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.documents.CatalogueRequirements;
import org.passerelle.mobility.documents.SampleFiles;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Every operation of the OpenAPI document against every role, a foreign institution and no token. */
@QuarkusTest
class SecurityMatrixTest {

    static final String SJTUSM = "sjtu.edu.cn";
    static final String LYON1 = "univ-lyon1.fr";
    /** Neither sends nor receives this test's mobility. */
    static final String PARIS = "u-paris.fr";

    @TestHTTPResource("/")
    URI root;

    @Inject
    EntityManager entityManager;

    @Test
    void everyOperationAnswersEachCallerAsItsRolesAndInstitutionAllow() throws Exception {
        var summer = AgreementsInForce.condition(LYON1, SJTUSM, "SUMMER_TRAINING", 30, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, LYON1, summer);
        UUID session = CatalogueRequirements.sessionRequiring(entityManager,
                "{\"kind\":\"HEALTH_INSURANCE\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}");
        String mobility = nominationFromLyon1(agreement, summer, session);
        String document = given().auth().oauth2(TestTokens.of("integration", LYON1)).multiPart("requirement", "HEALTH_INSURANCE")
                .multiPart("file", "assurance.pdf", SampleFiles.pdf("matrix"), "application/pdf")
                .when().post("/api/mobilities/{id}/documents", mobility).then().statusCode(201).extract().path("id");
        // version 1 of its learning agreement, with its signed copy
        String hash = given().auth().oauth2(TestTokens.of("integration", LYON1)).header("If-Match", "\"0\"").contentType("application/json")
                .body("{\"components\":[{\"sessionId\":\"" + session + "\",\"title\":\"Stage d'été\",\"ects\":3,\"ectsPerChineseCredit\":1.5}]}")
                .when().post("/api/mobilities/{id}/learning-agreement/proposals", mobility).then().statusCode(201)
                .extract().path("pending.contentHash");
        given().auth().oauth2(TestTokens.of("integration", LYON1)).multiPart("contentHash", hash)
                .multiPart("file", "contrat-signe.pdf", SampleFiles.pdf("signed"), "application/pdf")
                .when().post("/api/mobilities/{id}/learning-agreement/versions/1/signed-copy", mobility).then().statusCode(201);
        OpenApiMatrix.of(root, SJTUSM, PARIS)
                .ownedBy(LYON1, "/api/mobilities/{id}", mobility, Map.of("documentId", document, "number", "1"))
                .listedOnlyTo(LYON1, agreement)
                .verify();
    }

    @Test
    void onlyAValidTokenWithAnAllowedRoleIsServed() {
        TokenChecks.against(root.resolve("/api/mobilities/agreements")).verify("coordinator", "student", LYON1);
    }

    /** A summer training of a Lyon 1 student at SJTUSM, nominated by Lyon 1's script. */
    private static String nominationFromLyon1(UUID agreement, AgreementsInForce.Condition summer, UUID session) {
        String body = """
                {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027",
                 "plannedArrival":"2027-07-05","plannedDeparture":"2027-07-30",
                 "person":{"givenName":"Éloïse","familyName":"D'Aubigné","email":"eloise.matrix@etu.univ-lyon1.fr",
                           "ine":"123456789AB"},
                 "requestedSessions":["%s"]}"""
                .formatted(agreement, summer.id(), session);
        return given().auth().oauth2(TestTokens.of("integration", LYON1)).contentType("application/json").body(body)
                .when().post("/api/mobilities").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }
}
