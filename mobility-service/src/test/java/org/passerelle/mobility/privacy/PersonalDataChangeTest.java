package org.passerelle.mobility.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.documents.CatalogueRequirements;
import org.passerelle.mobility.documents.SampleFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nomination writes its person's data and a document handed in or reviewed changes the person's documents: each is
 * published as PersonalDataChanged (who, whose data, which fields) for identity-service's audit log; a refused change
 * is not.
 */
@QuarkusTest
class PersonalDataChangeTest {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNominationAndItsDocumentsAreChangesNamingTheirActorPersonAndFields() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        UUID session = CatalogueRequirements.sessionRequiring(entityManager,
                "{\"kind\":\"HEALTH_INSURANCE\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}");
        var person = FictionalPerson.random();
        String actor = UUID.randomUUID().toString();
        String token = coordinator(actor, "univ-lyon1.fr");
        String nomination = """
                {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                 "plannedDeparture":"2027-07-30","person":{"givenName":"%s","familyName":"%s","email":"%s","ine":"%s"},
                 "requestedSessions":["%s"]}""".formatted(agreement, summer.id(), person.givenName(), person.familyName(),
                person.email(), person.ine(), session);
        String id = given().auth().oauth2(token).contentType("application/json").body(nomination)
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        String personId = given().auth().oauth2(token).when().get("/api/mobilities/{id}", id).then().statusCode(200)
                .extract().path("person.personId");

        given().auth().oauth2(token).multiPart("requirement", "HEALTH_INSURANCE")
                .multiPart("file", "assurance.pdf", SampleFiles.pdf("audit"), "application/pdf")
                .when().post("/api/mobilities/{id}/documents", id).then().statusCode(201);
        given().auth().oauth2(coordinator(actor, "u-paris.fr")).multiPart("requirement", "HEALTH_INSURANCE")
                .multiPart("file", "assurance.pdf", SampleFiles.pdf("refused"), "application/pdf")
                .when().post("/api/mobilities/{id}/documents", id).then().statusCode(404);

        List<String> changes = changesBy(actor);
        assertEquals(2, changes.size(), "the nomination and the document handed in, not the refused one: " + changes);
        for (String change : changes) {
            assertEquals(List.of(), EventContracts.violations("passerelle.mobility.PersonalDataChanged.v1", change));
            assertTrue(change.replace(" ", "").contains("\"personIds\":[\"" + personId + "\"]"), change);
            assertTrue(change.contains("\"actorInstitution\": \"univ-lyon1.fr\"") || change.contains("\"actorInstitution\":\"univ-lyon1.fr\""), change);
            assertTrue(!change.contains(person.email()) && !change.contains(person.ine()), "names fields, never values: " + change);
        }
        assertTrue(changes.get(0).contains("POST /api/mobilities\"")
                && changes.get(0).replace(" ", "").contains("[\"person.givenName\",\"person.familyName\",\"person.email\",\"person.ine\"]"),
                changes.get(0));
        assertTrue(changes.get(1).contains("POST /api/mobilities/{id}/documents")
                && changes.get(1).contains("documents.HEALTH_INSURANCE.file"), changes.get(1));
    }

    private static String coordinator(String subject, String institution) {
        return Jwt.preferredUserName("coordinator." + institution).subject(subject)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("coordinator"))).claim("institution", institution)
                .jws().keyId("1").sign();
    }

    /** The PersonalDataChanged events of this actor in the outbox, in the order of the changes. */
    private List<String> changesBy(String actor) throws Exception {
        List<String> changes = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select payload::text from outbox_event where type = ? and aggregate_id = ? order by occurred_at")) {
            query.setString(1, "passerelle.mobility.PersonalDataChanged.v1");
            query.setString(2, actor);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
            }
        }
        return changes;
    }
}
