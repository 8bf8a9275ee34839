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
import org.passerelle.mobility.PeopleInIdentity;
import org.passerelle.mobility.people.KnownPeople;
import org.passerelle.runtime.privacy.Fingerprints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a mobility's person is published as PersonalDataRead for identity-service's audit log; its nomination is not a read. */
@QuarkusTest
class PersonalDataReadTest {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownPeople people;

    @Inject
    Fingerprints fingerprints;

    @Test
    void aReadOfAMobilityNamesItsReaderAndItsPerson() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        var person = FictionalPerson.random();
        UUID personId = UUID.randomUUID();
        PeopleInIdentity.registerStudent(people, fingerprints, personId, "univ-lyon1.fr", person.ine());   // known to identity-service
        String reader = UUID.randomUUID().toString();
        String token = Jwt.preferredUserName("coordinator.univ-lyon1.fr").subject(reader)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("coordinator"))).claim("institution", "univ-lyon1.fr")
                .jws().keyId("1").sign();
        String id = given().auth().oauth2(token).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                         "plannedDeparture":"2027-07-30","person":{"personId":"%s","givenName":"%s","familyName":"%s",
                         "email":"%s","ine":"%s"},"requestedSessions":[]}"""
                        .formatted(agreement, summer.id(), personId, person.givenName(), person.familyName(), person.email(), person.ine()))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        assertEquals(List.of(), readsBy(reader), "a nomination is no read");

        given().auth().oauth2(token).when().get("/api/mobilities/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("coordinator", "u-paris.fr")).when().get("/api/mobilities/{id}", id).then().statusCode(404);

        List<String> reads = readsBy(reader);
        assertEquals(1, reads.size(), reads.toString());
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.PersonalDataRead.v1", reads.get(0)));
        assertTrue(reads.get(0).contains("\"personIds\": [\"" + personId + "\"]") || reads.get(0).contains("\"personIds\":[\"" + personId + "\"]"), reads.get(0));
        assertTrue(reads.get(0).contains("GET /api/mobilities/{id}"), reads.get(0));

        // reads at the same moment share a commit, and each is in the outbox by the time its answer arrives
        var readers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = readers.invokeAll(java.util.Collections.nCopies(24, () -> given().auth().oauth2(token)
                    .when().get("/api/mobilities/{id}", id).then().extract().statusCode()));
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            readers.shutdown();
        }
        assertEquals(25, readsBy(reader).size(), "every read, once");
    }

    private List<String> readsBy(String reader) throws Exception {
        List<String> reads = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select payload::text from outbox_event where type = ? and aggregate_id = ?")) {
            query.setString(1, "passerelle.mobility.PersonalDataRead.v1");
            query.setString(2, reader);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    reads.add(rows.getString(1));
                }
            }
        }
        return reads;
    }
}
