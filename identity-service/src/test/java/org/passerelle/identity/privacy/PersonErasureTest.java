package org.passerelle.identity.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.PersonalDataScan;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.identity.OutboxRows;
import org.passerelle.runtime.privacy.Fingerprints;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The international office erases a person: nothing of them stays in identity-service's database, PersonErased says so. */
@QuarkusTest
class PersonErasureTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Fingerprints fingerprints;

    @Test
    void anErasedPersonLeavesNoNameEmailOrIdentifierInAnyTable() throws Exception {
        var person = FictionalPerson.random();
        String id = given().auth().oauth2(ADMIN).contentType("application/json").header("Idempotency-Key", "erasure-" + UUID.randomUUID())
                .body(person.identityJson("sjtu.edu.cn")).when().post("/api/people")
                .then().statusCode(201).extract().path("id");
        // the scan does see the person before: an empty scan afterwards means something
        assertFalse(scan(person).isEmpty());

        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\": \"Request of the data subject, DPO-2027-014\"}")
                .when().post("/api/people/{id}/erasure", id)
                .then().statusCode(200)
                .body("personId", equalTo(id))
                .body("reason", equalTo("Request of the data subject, DPO-2027-014"))
                .body("kind", equalTo("STUDENT"));

        assertEquals(List.of(), scan(person));
        given().auth().oauth2(ADMIN).when().get("/api/people/{id}", id).then().statusCode(404);
        given().auth().oauth2(ADMIN).queryParam("identifier", person.ine()).when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));

        var events = OutboxRows.of(dataSource, id);
        assertEquals(List.of("passerelle.identity.PersonRegistered.v1", "passerelle.identity.PersonErased.v1"),
                events.stream().map(OutboxRows.Event::type).toList());
        var data = events.get(1).data();
        assertEquals(id, data.get("personId").asText());
        List<String> prints = new java.util.ArrayList<>();
        data.get("fingerprints").forEach(f -> prints.add(f.asText()));
        assertTrue(prints.contains(fingerprints.of(Fingerprints.EMAIL, person.email().toUpperCase())), "email, whatever its case");
        assertTrue(prints.contains(fingerprints.of(Fingerprints.INE, person.ine())));
        assertTrue(prints.contains(fingerprints.of(Fingerprints.SJTU_STUDENT_NUMBER, person.studentNumber())));
        assertTrue(prints.contains(fingerprints.of(Fingerprints.PASSPORT, "CN:" + person.passport())));
        for (String value : person.values()) {
            for (var event : events) {
                assertFalse(event.payload().contains(value), event.type() + " carries " + value);
            }
        }
    }

    @Test
    void anErasureNeedsAReasonAndAnAdmin() {
        var person = FictionalPerson.random();
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(person.identityJson("sjtu.edu.cn")).when().post("/api/people")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\": \"  \"}")
                .when().post("/api/people/{id}/erasure", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.of("coordinator", "sjtu.edu.cn")).contentType("application/json").body("{\"reason\": \"no\"}")
                .when().post("/api/people/{id}/erasure", id)
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/api/people/{id}", id).then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\": \"No longer needed\"}")
                .when().post("/api/people/{id}/erasure", id).then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\": \"No longer needed\"}")
                .when().post("/api/people/{id}/erasure", id).then().statusCode(404);
    }

    private List<PersonalDataScan.Finding> scan(FictionalPerson person) throws Exception {
        try (var connection = dataSource.getConnection()) {
            return PersonalDataScan.scan(connection, person.values());
        }
    }
}
