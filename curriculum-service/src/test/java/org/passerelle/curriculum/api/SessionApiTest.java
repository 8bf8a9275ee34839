package org.passerelle.curriculum.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.Outboxes;
import org.passerelle.curriculum.seats.SeatLedger;
import org.passerelle.devstack.testing.EventContracts;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.STUDENT;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.newAccount;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;
import static org.passerelle.curriculum.Fixtures.supervisor;

/** Sessions planned, opened, closed and withdrawn by the item's supervisor or the international office. */
@QuarkusTest
class SessionApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SeatLedger seats;

    static final String SESSION_2027 = "{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-03-01\",\"endDate\":\"2027-04-26\",\"capacity\":%d}";

    @Test
    void theSupervisorPlansOpensAndClosesASessionOfTheirItem() throws Exception {
        String account = newAccount();
        String item = publish(internship("Pneumologie", "Pulmonology", "呼吸科", account));
        String session = given().auth().oauth2(supervisor(account)).contentType("application/json").body(SESSION_2027.formatted(6))
                .when().post("/api/catalogue/{id}/sessions", item)
                .then().statusCode(201).header("Location", startsWith("http")).header("ETag", "\"0\"")
                .body("status", equalTo("PLANNED")).body("freeSeats", equalTo(0)).extract().path("id");
        given().auth().oauth2(supervisor(newAccount())).header("If-Match", "\"0\"")
                .when().post("/api/catalogue/sessions/{id}/opening", session)
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-supervisor"));
        given().auth().oauth2(supervisor(account)).when().post("/api/catalogue/sessions/{id}/opening", session)
                .then().statusCode(428);
        given().auth().oauth2(supervisor(account)).header("If-Match", "\"0\"")
                .when().post("/api/catalogue/sessions/{id}/opening", session)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("OPEN")).body("freeSeats", equalTo(6));
        given().auth().oauth2(supervisor(account)).header("If-Match", "\"1\"")
                .when().post("/api/catalogue/sessions/{id}/opening", session)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:session-status"));
        given().auth().oauth2(supervisor(account)).header("If-Match", "\"1\"")
                .when().post("/api/catalogue/sessions/{id}/closing", session)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("freeSeats", equalTo(0));
        given().auth().oauth2(STUDENT).when().get("/api/catalogue/{id}/sessions", item)
                .then().statusCode(200).body("[0].id", equalTo(session)).body("[0].capacity", equalTo(6));

        var events = Outboxes.of(dataSource, item);
        assertEquals(List.of("passerelle.curriculum.CatalogueItemPublished.v1", "passerelle.curriculum.SessionOpened.v1",
                "passerelle.curriculum.SessionClosed.v1"), events.stream().map(Outboxes.Event::type).toList());
        for (var event : events) {
            assertEquals(List.of(), EventContracts.violations(event.type(), event.data()), event.data());
        }
    }

    @Test
    void aSessionLiesInItsAcademicYearAndStudentsDoNotPlanOne() {
        String item = publish(summerProgramme("Summer school " + UUID.randomUUID()));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-10-05\",\"endDate\":\"2027-07-30\",\"capacity\":30}")
                .when().post("/api/catalogue/{id}/sessions", item)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("startDate", "endDate"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"academicYear\":\"2026/2028\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":-1}")
                .when().post("/api/catalogue/{id}/sessions", item)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("capacity"));
        given().auth().oauth2(STUDENT).contentType("application/json").body(SESSION_2027.formatted(3))
                .when().post("/api/catalogue/{id}/sessions", item)
                .then().statusCode(403);
    }

    @Test
    void aSessionWithHoldersIsNotWithdrawnNorShrunkBelowThem() {
        String item = publish(summerProgramme("Summer school " + UUID.randomUUID()));
        String session = openSession(item, "2026/2027", "2027-07-05", "2027-07-30", 3);
        UUID mobility = UUID.randomUUID();
        seats.hold(new SeatLedger.Request(mobility, "univ-lyon1.fr", UUID.randomUUID(), List.of(UUID.fromString(session))));

        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().post("/api/catalogue/sessions/{id}/withdrawal", session)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:session-held"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":0}")
                .when().put("/api/catalogue/sessions/{id}", session)
                .then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        String etag = given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").when().get("/api/catalogue/{id}", item)
                .then().extract().header("ETag");
        given().auth().oauth2(ADMIN).header("If-Match", etag).when().post("/api/catalogue/{id}/withdrawal", item)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:session-held"));

        seats.release(mobility, "MOBILITY_CANCELLED");
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().post("/api/catalogue/sessions/{id}/withdrawal", session)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"2\"").when().post("/api/catalogue/sessions/{id}/opening", session)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:session-status"));
    }

    @Test
    void theCapacityGrowsUnderIfMatch() {
        String item = publish(summerProgramme("Summer school " + UUID.randomUUID()));
        String session = openSession(item, "2026/2027", "2027-07-05", "2027-07-30", 30);
        String body = "{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":36}";
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType("application/json").body(body)
                .when().put("/api/catalogue/sessions/{id}", session).then().statusCode(412);
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").contentType("application/json").body(body)
                .when().put("/api/catalogue/sessions/{id}", session)
                .then().statusCode(200).header("ETag", "\"2\"").body("capacity", equalTo(36)).body("freeSeats", equalTo(36));
    }
}
