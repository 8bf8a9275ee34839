package org.passerelle.curriculum.seats;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.Fixtures.PARIS;
import static org.passerelle.curriculum.Fixtures.STUDENT;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.newAccount;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.supervisor;

/** Who holds seats in a session: the holders' ids only for admin, the session's supervisor and their own coordinators. */
@QuarkusTest
class HoldersTest {

    @Inject
    SeatLedger seats;

    @Test
    void personalDataOnlyForTheInternationalOfficeTheSupervisorAndTheHoldersCoordinators() {
        String account = newAccount();
        String session = openSession(publish(internship("Gériatrie", "Geriatrics", "老年医学科", account)),
                "2026/2027", "2027-03-01", "2027-04-26", 5);
        UUID lyonStudent = UUID.randomUUID();
        UUID parisStudent = UUID.randomUUID();
        seats.hold(new SeatLedger.Request(UUID.randomUUID(), "univ-lyon1.fr", lyonStudent, List.of(UUID.fromString(session))));
        seats.hold(new SeatLedger.Request(UUID.randomUUID(), "u-paris.fr", parisStudent, List.of(UUID.fromString(session))));

        for (String token : new String[] {ADMIN, supervisor(account)}) {
            given().auth().oauth2(token).when().get("/api/catalogue/sessions/{id}/holders", session)
                    .then().statusCode(200).body("totalItems", equalTo(2))
                    .body("items.personId", containsInAnyOrder(lyonStudent.toString(), parisStudent.toString()))
                    .body("items.personalDataHidden", everyItem(equalTo(false)));
        }
        given().auth().oauth2(LYON1).when().get("/api/catalogue/sessions/{id}/holders", session)
                .then().statusCode(200)
                .body("items.find { it.sendingInstitution == 'univ-lyon1.fr' }.personId", equalTo(lyonStudent.toString()))
                .body("items.find { it.sendingInstitution == 'u-paris.fr' }.personId", nullValue())
                .body("items.find { it.sendingInstitution == 'u-paris.fr' }.mobilityId", nullValue());
        given().auth().oauth2(TestTokens.of("integration", "u-paris.fr")).when().get("/api/catalogue/sessions/{id}/holders", session)
                .then().statusCode(200)
                .body("items.findAll { !it.personalDataHidden }.personId", contains(parisStudent.toString()));
        given().auth().oauth2(supervisor(newAccount())).when().get("/api/catalogue/sessions/{id}/holders", session)
                .then().statusCode(200).body("items.personId", everyItem(nullValue()));
        given().auth().oauth2(STUDENT).when().get("/api/catalogue/sessions/{id}/holders", session)
                .then().statusCode(403);
        given().auth().oauth2(PARIS).when().get("/api/catalogue/sessions/{id}/holders", UUID.randomUUID())
                .then().statusCode(404);
    }
}
