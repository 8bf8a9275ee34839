package org.passerelle.agreements.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AgreementResourceTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Inject
    AgreementRepository agreements;

    @BeforeEach
    void threeAgreements() {
        QuarkusTransaction.requiringNew().run(() -> {
            agreements.deleteAll();
            agreements.persist(agreement(AgreementKind.FRAMEWORK, AgreementStatus.ACTIVE, "Collège médical franco-chinois"));
            agreements.persist(agreement(AgreementKind.BILATERAL_EXCHANGE, AgreementStatus.ACTIVE, "SJTUSM - Université Paris Cité"));
            agreements.persist(agreement(AgreementKind.BILATERAL_EXCHANGE, AgreementStatus.DRAFT, "SJTUSM - Université Claude Bernard Lyon 1"));
        });
    }

    @Test
    void filtersByStatusAndKind() {
        given().auth().oauth2(ADMIN).queryParam("status", "ACTIVE").queryParam("kind", "BILATERAL_EXCHANGE")
                .when().get("/api/agreements")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].title.fr", equalTo("SJTUSM - Université Paris Cité"));
        given().auth().oauth2(ADMIN).queryParam("size", 2)
                .when().get("/api/agreements")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheParameter() {
        given().auth().oauth2(ADMIN).queryParam("status", "SIGNED")
                .when().get("/api/agreements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].reason", startsWith("must be one of DRAFT, PROPOSED, ACTIVE"));
    }

    @Test
    void studentsAndAnonymousCallersCannotList() {
        given().when().get("/api/agreements").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("student", "univ-lyon1.fr")).when().get("/api/agreements")
                .then().statusCode(403);
    }

    private static Agreement agreement(AgreementKind kind, AgreementStatus status, String title) {
        var a = new Agreement();
        a.id = UUID.randomUUID();
        a.kind = kind;
        a.status = status;
        a.title = LocalizedText.of(title, title, title);
        return a;
    }
}
