package org.passerelle.mobility.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.PersonalDataScan;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.PeopleInIdentity;
import org.passerelle.mobility.people.KnownPeople;
import org.passerelle.mobility.QuotaLedger;
import org.passerelle.mobility.documents.CatalogueRequirements;
import org.passerelle.mobility.documents.SampleFiles;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * PersonErased through the real broker: the person's mobilities, whether they name the person's id or only their
 * email and INE, keep their place and status but nothing that names the person, in any table of the database; their
 * documents lose their content, file names and review reasons.
 */
@QuarkusTest
class PersonErasureTest {

    static final String TOPIC = "identity.person.events";
    static final String TYPE = "passerelle.identity.PersonErased.v1";
    static final String LYON1_SCRIPT = TestTokens.of("integration", "univ-lyon1.fr");
    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownPeople people;

    @Inject
    Fingerprints fingerprints;

    @Inject
    QuotaLedger quota;

    @Test
    void theMobilitiesOfAnErasedPersonStayCountedButNameNobody() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        var person = FictionalPerson.random();
        var other = FictionalPerson.random();
        UUID personId = UUID.randomUUID();
        PeopleInIdentity.registerStudent(people, fingerprints, personId, "univ-lyon1.fr", person.ine());   // known to identity-service

        UUID session = CatalogueRequirements.sessionRequiring(entityManager,
                "{\"kind\":\"HEALTH_INSURANCE\",\"validForWholeStay\":true,\"checkedBy\":\"SENDING\"}");
        String linked = nominate(agreement, summer.id(), "2026/2027", person, personId, "erasure-" + UUID.randomUUID(), session);
        String document = given().auth().oauth2(LYON1_SCRIPT).multiPart("requirement", "HEALTH_INSURANCE")
                .multiPart("file", person.familyName() + "-assurance.pdf", SampleFiles.pdf(person.familyName()), "application/pdf")
                .when().post("/api/mobilities/{id}/documents", linked).then().statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1_SCRIPT).contentType("application/json")
                .body("{\"reason\":\"Le nom " + person.familyName() + " ne figure pas sur l'attestation\"}")
                .when().post("/api/mobilities/{id}/documents/{d}/rejection", linked, document).then().statusCode(200);
        String unlinked = nominate(agreement, summer.id(), "2027/2028", person, null, null, null);
        String kept = nominate(agreement, summer.id(), "2026/2027", other, null, null, null);
        assertFalse(scan(person).isEmpty(), "the scan sees the person before the erasure");

        String erased = """
                {"personId":"%s","fingerprints":["%s","%s"],"erasedAt":"2027-09-30T09:00:00Z"}"""
                .formatted(personId, fingerprints.of(Fingerprints.EMAIL, person.email()), fingerprints.of(Fingerprints.INE, person.ine()));
        TestEvents.send(TOPIC, TYPE, personId.toString(), erased);
        TestEvents.send(TOPIC, TYPE, personId.toString(), erased);   // delivered twice, as Kafka may
        awaitNoTraceOf(person);
        assertEquals(List.of(), scanFor(List.of(personId.toString())), "the kept MobilityNominated names a pseudonym");
        assertEquals(0L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from document_content where document_id = cast(?1 as uuid)").setParameter(1, document)
                .getSingleResult()).longValue()), "the document's content is erased too");
        given().auth().oauth2(ADMIN).when().get("/api/mobilities/{id}/documents", linked).then().statusCode(200)
                .body("[0].fileName", equalTo("erased")).body("[0].status", equalTo("REJECTED"));

        for (String id : List.of(linked, unlinked)) {
            given().auth().oauth2(ADMIN).when().get("/api/mobilities/{id}", id).then().statusCode(200)
                    .body("status", equalTo("NOMINATED"))
                    .body("person.givenName", equalTo("erased"))
                    .body("person.ine", nullValue())
                    .body("person.personId", not(equalTo(personId.toString())));
        }
        given().auth().oauth2(ADMIN).when().get("/api/mobilities/{id}", kept).then().statusCode(200)
                .body("person.familyName", equalTo(other.familyName()))
                .body("person.email", equalTo(other.email()));
        assertEquals(2, quota.used(summer.id(), "2026/2027"), "the erased person's mobility still holds its place");
        assertEquals(1, quota.used(summer.id(), "2027/2028"));
        assertFalse(scan(other).isEmpty(), "another person's data stays");
    }

    private String nominate(UUID agreement, UUID condition, String year, FictionalPerson person, UUID personId, String key, UUID session) {
        int start = Integer.parseInt(year.substring(5));
        String body = """
                {"agreementId":"%s","conditionId":"%s","academicYear":"%s","plannedArrival":"%d-07-05","plannedDeparture":"%d-07-30",
                 "person":{"personId":%s,"givenName":"%s","familyName":"%s","chineseName":"%s","email":"%s","ine":"%s"},
                 "requestedSessions":[%s]}"""
                .formatted(agreement, condition, year, start, start, personId == null ? "null" : "\"" + personId + "\"",
                        person.givenName(), person.familyName(), person.chineseName(), person.email(), person.ine(),
                        session == null ? "" : "\"" + session + "\"");
        var request = given().auth().oauth2(LYON1_SCRIPT).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/mobilities").then().statusCode(201).extract().path("id");
    }

    private void awaitNoTraceOf(FictionalPerson person) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PersonalDataScan.Finding> findings = scan(person);
        while (!findings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            findings = scan(person);
        }
        assertEquals(List.of(), findings);
    }

    private List<PersonalDataScan.Finding> scan(FictionalPerson person) throws Exception {
        return scanFor(person.values());
    }

    private List<PersonalDataScan.Finding> scanFor(List<String> values) throws Exception {
        try (var connection = dataSource.getConnection()) {
            return PersonalDataScan.scan(connection, values);
        }
    }
}
