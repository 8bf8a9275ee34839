package org.passerelle.curriculum.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.seats.SeatLedger;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.PersonalDataScan;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;

/**
 * PersonErased through the real broker: the seats the person holds stay held but name nobody, the items they
 * supervise lose their name and account, and no table holds their values any more.
 */
@QuarkusTest
class PersonErasureTest {

    @Inject
    SeatLedger seats;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Fingerprints fingerprints;

    @Test
    void theSeatsOfAnErasedPersonStayHeldAndTheirItemsLoseTheirSupervisor() throws Exception {
        var supervisor = FictionalPerson.random();
        String account = UUID.randomUUID().toString();
        String item = publish(internship("Néphrologie", "Nephrology", "肾脏科", account)
                .replace("王芳 Wáng Fāng", supervisor.givenName() + " " + supervisor.familyName()));
        String session = openSession(item, "2026/2027", "2027-03-01", "2027-04-26", 5);
        UUID student = UUID.randomUUID();
        UUID mobility = UUID.randomUUID();
        seats.hold(new SeatLedger.Request(mobility, "univ-lyon1.fr", student, List.of(UUID.fromString(session))));
        assertFalse(scan(supervisor.givenName(), supervisor.familyName(), account, student.toString()).isEmpty());

        // the student, then the supervisor (whose account is their only trace here)
        erase(student, List.of());
        erase(UUID.randomUUID(), List.of(fingerprints.of(Fingerprints.ACCOUNT, account)));
        awaitNoTraceOf(supervisor.givenName(), supervisor.familyName(), account, student.toString());

        given().auth().oauth2(ADMIN).when().get("/api/catalogue/sessions/{id}/holders", session)
                .then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].mobilityId", equalTo(mobility.toString()))
                .body("items[0].personId", nullValue());
        given().auth().oauth2(ADMIN).when().get("/api/catalogue/sessions/{id}", session)
                .then().statusCode(200).body("held", equalTo(1));
        given().auth().oauth2(ADMIN).when().get("/api/catalogue/{id}", item)
                .then().statusCode(200).body("supervisor", nullValue());
    }

    private static void erase(UUID personId, List<String> prints) throws Exception {
        String data = """
                {"personId":"%s","fingerprints":[%s],"erasedAt":"2027-09-30T09:00:00Z"}"""
                .formatted(personId, String.join(",", prints.stream().map(p -> "\"" + p + "\"").toList()));
        TestEvents.send("identity.person.events", "passerelle.identity.PersonErased.v1", personId.toString(), data);
    }

    private void awaitNoTraceOf(String... values) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PersonalDataScan.Finding> findings = scan(values);
        while (!findings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            findings = scan(values);
        }
        assertEquals(List.of(), findings);
    }

    private List<PersonalDataScan.Finding> scan(String... values) throws Exception {
        try (var connection = dataSource.getConnection()) {
            return PersonalDataScan.scan(connection, List.of(values));
        }
    }
}
