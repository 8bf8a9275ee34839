package org.passerelle.agreements.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.runtime.text.LocalizedText;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AgreementResourceTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Inject
    AgreementRepository agreements;

    /** Marks this test's agreements, so that it lists only them among those of other tests. */
    String tag;

    /** The draft between SJTUSM and Lyon 1. */
    UUID lyonDraft;

    @BeforeEach
    void threeAgreements() {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            agreements.persist(agreement(AgreementKind.FRAMEWORK, AgreementStatus.ACTIVE,
                    LocalizedText.of("Collège médical franco-chinois " + tag, "Sino-French Joint Medical College " + tag, "中法联合医学院 " + tag),
                    "u-paris.fr", MobilityType.RESEARCH_LONG));
            agreements.persist(agreement(AgreementKind.BILATERAL_EXCHANGE, AgreementStatus.ACTIVE,
                    LocalizedText.of("SJTUSM - Université Paris Cité " + tag, "SJTUSM - Paris Cité University " + tag, "上海交大医学院-巴黎西岱大学 " + tag),
                    "u-paris.fr", MobilityType.SUMMER_TRAINING));
            var lyon = agreement(AgreementKind.BILATERAL_EXCHANGE, AgreementStatus.DRAFT,
                    LocalizedText.of("SJTUSM - Université Claude Bernard Lyon 1 " + tag, "SJTUSM - Lyon 1 " + tag, "上海交大医学院-里昂一大 " + tag),
                    "univ-lyon1.fr", MobilityType.SUMMER_TRAINING);
            agreements.persist(lyon);
            lyonDraft = lyon.id;
        });
    }

    @Test
    void filtersByStatusAndKind() {
        given().auth().oauth2(ADMIN).queryParam("text", tag).queryParam("status", "ACTIVE").queryParam("kind", "BILATERAL_EXCHANGE")
                .when().get("/api/agreements")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].title.fr", equalTo("SJTUSM - Université Paris Cité " + tag));
        given().auth().oauth2(ADMIN).queryParam("text", tag).queryParam("size", 2)
                .when().get("/api/agreements")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
    }

    @Test
    void theTextIsFoundInAnyLanguageWhateverTheAccentsAndCase() {
        given().auth().oauth2(ADMIN).queryParam("text", "COLLEGE MEDICAL franco-chinois " + tag)
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.title.fr", equalTo(List.of("Collège médical franco-chinois " + tag)));
        given().auth().oauth2(ADMIN).queryParam("text", "里昂一大 " + tag)
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.title.zh", equalTo(List.of("上海交大医学院-里昂一大 " + tag)));
        given().auth().oauth2(ADMIN).queryParam("text", "Cite University " + tag)
                .when().get("/api/agreements")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void filtersByTheMobilityTypeOfAConditionAndTheAcademicYear() {
        given().auth().oauth2(ADMIN).queryParam("text", tag).queryParam("mobilityType", "RESEARCH_LONG")
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.kind", equalTo(List.of("FRAMEWORK")));
        given().auth().oauth2(ADMIN).queryParam("text", tag).queryParam("academicYear", "2031/2032")
                .when().get("/api/agreements")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("text", tag).queryParam("academicYear", "2027/2028").queryParam("party", "univ-lyon1.fr")
                .when().get("/api/agreements")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aCoordinatorListsOnlyTheAgreementsOfTheirInstitution() {
        given().auth().oauth2(TestTokens.of("coordinator", "univ-lyon1.fr")).queryParam("text", tag)
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.parties", equalTo(List.of(List.of("sjtu.edu.cn", "univ-lyon1.fr"))));
        given().auth().oauth2(TestTokens.of("integration", "u-paris.fr")).queryParam("text", tag).queryParam("party", "univ-lyon1.fr")
                .when().get("/api/agreements")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    /** A misconfigured account acts for no institution: refused every operation, never served empty nor a 500. */
    @Test
    void aCoordinatorWhoseTokenNamesNoInstitutionIsRefused() {
        String noInstitution = TestTokens.withoutInstitution("coordinator");
        String unknownInstitution = TestTokens.of("coordinator", "nowhere.example");
        for (String token : List.of(noInstitution, unknownInstitution)) {
            given().auth().oauth2(token).queryParam("text", tag)
                    .when().get("/api/agreements")
                    .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:unknown-institution"));
            given().auth().oauth2(token)
                    .when().get("/api/agreements/{id}", lyonDraft)
                    .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:unknown-institution"));
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + "0".repeat(64) + "\"}")
                    .when().post("/api/agreements/{id}/approvals", lyonDraft)
                    .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:unknown-institution"));
            given().auth().oauth2(token)
                    .when().get("/api/targets")
                    .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:unknown-institution"));
        }
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

    private static Agreement agreement(AgreementKind kind, AgreementStatus status, LocalizedText title, String partner,
                                       MobilityType type) {
        var condition = new CooperationCondition();
        condition.sendingInstitution = partner;
        condition.receivingInstitution = "sjtu.edu.cn";
        condition.mobilityType = type;
        condition.placesPerYear = 5;
        condition.firstAcademicYear = "2025/2026";
        condition.lastAcademicYear = "2029/2030";
        var a = Agreement.draft(AgreementContent.of(kind, title, List.of("sjtu.edu.cn", partner), null, null,
                "2025/2026", "2029/2030", List.of(condition)));
        a.status = status;
        return a;
    }

    @Test
    void operationsTakingIfMatchOrIdempotencyKeyDocumentWhatTheyAnswerWhenTheHeaderIsWrong() {
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        org.passerelle.devstack.testing.HeaderAnswers.of(paths).verify("agreement changes take If-Match and drafts and targets Idempotency-Key");
    }
}
