package org.passerelle.mobility.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityRepository;
import org.passerelle.mobility.MobilityStatus;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class MobilityResourceTest {

    static final String COORDINATOR = TestTokens.of("coordinator", "sjtu.edu.cn");

    @Inject
    MobilityRepository mobilities;

    @BeforeEach
    void mobilitiesOfTwoYears() {
        QuarkusTransaction.requiringNew().run(() -> {
            mobilities.deleteAll();
            mobilities.persist(mobility("2025/2026", MobilityStatus.COMPLETED, "univ-lyon1.fr", "sjtu.edu.cn"));
            mobilities.persist(mobility("2026/2027", MobilityStatus.NOMINATED, "u-paris.fr", "sjtu.edu.cn"));
            mobilities.persist(mobility("2026/2027", MobilityStatus.ACCEPTED, "sjtu.edu.cn", "univ-lyon1.fr"));
        });
    }

    @Test
    void filtersByAcademicYearAndStatus() {
        given().auth().oauth2(COORDINATOR).queryParam("academicYear", "2026/2027")
                .when().get("/api/mobilities")
                .then().statusCode(200)
                .body("totalItems", equalTo(2));
        given().auth().oauth2(COORDINATOR).queryParam("academicYear", "2026/2027").queryParam("status", "ACCEPTED")
                .when().get("/api/mobilities")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].receivingInstitution", equalTo("univ-lyon1.fr"));
    }

    @Test
    void aMalformedAcademicYearIsRefusedInTheCallersLanguage() {
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "zh").queryParam("academicYear", "2026-2027")
                .when().get("/api/mobilities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("academicYear"))
                .body("errors[0].reason", equalTo("必须是学年,例如 2025/2026"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().when().get("/api/mobilities").then().statusCode(401);
    }

    private static Mobility mobility(String year, MobilityStatus status, String sending, String receiving) {
        var m = new Mobility();
        m.id = UUID.randomUUID();
        m.academicYear = year;
        m.status = status;
        m.sendingInstitution = sending;
        m.receivingInstitution = receiving;
        return m;
    }
}
