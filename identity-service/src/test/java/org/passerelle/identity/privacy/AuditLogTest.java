package org.passerelle.identity.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each read of a person is in the audit log, whichever service answered it, and the international office finds it. */
@QuarkusTest
class AuditLogTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Test
    void aReadHereAndAReadInMobilityServiceAreFoundByPersonByReaderAndByPeriod() throws Exception {
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(FictionalPerson.random().identityJson("u-paris.fr"))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        String reader = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(coordinator(reader, "u-paris.fr")).when().get("/api/people/{id}", id).then().statusCode(200);

        String read = """
                {"actor":"%s","actorInstitution":"univ-lyon1.fr","resource":"GET /api/mobilities/{id}","personIds":["%s"],
                 "readAt":"%s"}""".formatted(UUID.randomUUID(), id, before.minusSeconds(60));
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.PersonalDataRead.v1", read));
        UUID event = UUID.randomUUID();
        TestEvents.send("mobility.audit.events", event, "passerelle.mobility.PersonalDataRead.v1", "x", read);
        TestEvents.send("mobility.audit.events", event, "passerelle.mobility.PersonalDataRead.v1", "x", read);   // redelivered

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().auth().oauth2(ADMIN).queryParam("personId", id).when().get("/api/audit-log")
                .then().statusCode(200).extract().<Integer>path("totalItems") < 2) {
            assertTrue(System.nanoTime() < deadline, "the read in mobility-service never reached the audit log");
            Thread.sleep(200);
        }
        given().auth().oauth2(ADMIN).queryParam("personId", id).when().get("/api/audit-log")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.service", equalTo(List.of("identity-service", "mobility-service")))
                .body("items[0].actor", equalTo(reader))
                .body("items[0].actorInstitution", equalTo("u-paris.fr"))
                .body("items[0].resource", equalTo("GET /api/people/{id}"))
                .body("items[1].resource", equalTo("GET /api/mobilities/{id}"));
        given().auth().oauth2(ADMIN).queryParam("actor", reader).when().get("/api/audit-log")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].personIds", hasItem(id));
        given().auth().oauth2(ADMIN).queryParam("personId", id).queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).when().get("/api/audit-log")
                .then().statusCode(200).body("totalItems", equalTo(1));
        given().auth().oauth2(TestTokens.of("coordinator", "sjtu.edu.cn")).when().get("/api/audit-log").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").when().get("/api/audit-log")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
    }

    @Test
    void aChangeHereAndAChangeInMobilityServiceAreFoundWithTheirFieldsBesideTheReads() throws Exception {
        var person = FictionalPerson.random();
        String body = person.identityJson("u-paris.fr");
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        String changer = UUID.randomUUID().toString();
        String admin = Jwt.preferredUserName("admin").subject(changer).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("admin"))).claim("institution", "sjtu.edu.cn").jws().keyId("1").sign();
        String changed = body.replace(person.email(), "changed." + person.email());
        given().auth().oauth2(admin).contentType("application/json").header("If-Match", "\"0\"").body(changed)
                .when().put("/api/people/{id}", id).then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").header("If-Match", "\"0\"").body(changed)
                .when().put("/api/people/{id}", id).then().statusCode(412);   // refused: no change to audit

        String change = """
                {"actor":"%s","actorInstitution":"univ-lyon1.fr","resource":"POST /api/mobilities","personIds":["%s"],
                 "fields":["person.givenName","person.email"],"changedAt":"%s"}""".formatted(UUID.randomUUID(), id, Instant.now());
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.PersonalDataChanged.v1", change));
        TestEvents.send("mobility.audit.events", UUID.randomUUID(), "passerelle.mobility.PersonalDataChanged.v1", "x", change);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ADMIN).queryParam("personId", id)
                .queryParam("action", "CHANGE").when().get("/api/audit-log").then().statusCode(200).extract().<Integer>path("totalItems") == 2);
        given().auth().oauth2(ADMIN).queryParam("personId", id).queryParam("action", "CHANGE").when().get("/api/audit-log")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("CHANGE", "CHANGE")))
                .body("items.service", equalTo(List.of("mobility-service", "identity-service")))
                .body("items[0].fields", equalTo(List.of("person.givenName", "person.email")))
                .body("items[1].actor", equalTo(changer))
                .body("items[1].resource", equalTo("PUT /api/people/{id}"))
                .body("items[1].fields", equalTo(List.of("email")))
                .body("items[1].readAt", equalTo(null));
        given().auth().oauth2(admin).when().get("/api/people/{id}", id).then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("actor", changer).when().get("/api/audit-log")
                .then().statusCode(200).body("items.action", equalTo(List.of("READ", "CHANGE")))
                .body("items[0].fields", equalTo(List.of()));
    }

    private static String coordinator(String subject, String institution) {
        return Jwt.preferredUserName("coordinator." + institution).subject(subject)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("coordinator")))
                .claim("institution", institution)
                .jws().keyId("1").sign();
    }
}
