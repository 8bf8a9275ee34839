package org.passerelle.agreements.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;
import org.passerelle.devstack.testing.OpenApiMatrix;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.devstack.testing.TokenChecks;
import org.passerelle.runtime.text.LocalizedText;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Every operation of the OpenAPI document against every role, a foreign institution and no token. */
@QuarkusTest
class SecurityMatrixTest {

    static final String SJTUSM = "sjtu.edu.cn";
    static final String LYON1 = "univ-lyon1.fr";
    /** Party to none of this test's agreements. */
    static final String PARIS = "u-paris.fr";

    @TestHTTPResource("/")
    URI root;

    @Inject
    AgreementRepository agreements;

    @Test
    void everyOperationAnswersEachCallerAsItsRolesAndInstitutionAllow() {
        UUID agreement = activeAgreementWithLyon1();
        OpenApiMatrix.of(root, SJTUSM, PARIS)
                .ownedBy(LYON1, "/api/agreements/{id}", agreement)
                .ownedBy(LYON1, "/api/targets/{id}", targetOn(agreement))
                .verify();
    }

    @Test
    void onlyAValidTokenWithAnAllowedRoleIsServed() {
        TokenChecks.against(root.resolve("/api/agreements")).verify("coordinator", "student", LYON1);
    }

    private UUID activeAgreementWithLyon1() {
        var condition = new CooperationCondition();
        condition.sendingInstitution = LYON1;
        condition.receivingInstitution = SJTUSM;
        condition.mobilityType = MobilityType.SUMMER_TRAINING;
        condition.placesPerYear = 5;
        condition.firstAcademicYear = "2025/2026";
        condition.lastAcademicYear = "2029/2030";
        var agreement = Agreement.draft(AgreementContent.of(AgreementKind.BILATERAL_EXCHANGE,
                LocalizedText.of("SJTUSM - Lyon 1", "SJTUSM - Lyon 1", "上海交大医学院-里昂一大"), List.of(SJTUSM, LYON1),
                null, null, "2025/2026", "2029/2030", List.of(condition)));
        agreement.status = AgreementStatus.ACTIVE;
        QuarkusTransaction.requiringNew().run(() -> agreements.persist(agreement));
        return agreement.id;
    }

    private static String targetOn(UUID agreement) {
        String body = """
                {"title":{"fr":"Étudiants de Lyon 1 accueillis","en":"Inbound students from Lyon 1","zh":"接收里昂一大学生"},
                 "agreements":["%s"],"receivingInstitution":"sjtu.edu.cn",
                 "baselineYear":"2025/2026","baselineCount":5,"targetYear":"2028/2029","targetCount":10}""".formatted(agreement);
        return given().auth().oauth2(TestTokens.of("admin", SJTUSM)).contentType("application/json").body(body)
                .when().post("/api/targets").then().statusCode(201).extract().path("id");
    }
}
