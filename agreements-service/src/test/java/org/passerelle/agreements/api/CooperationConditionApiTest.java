package org.passerelle.agreements.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Cooperation conditions over HTTP: kept with the agreement, and every bad field answered with its reason. */
@QuarkusTest
class CooperationConditionApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");

    static String draftWith(String condition) {
        return """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"Accord SJTUSM - Lyon 1","en":"SJTUSM - Lyon 1 agreement","zh":"上海交大医学院-里昂一大协议"},
                 "parties":["sjtu.edu.cn","univ-lyon1.fr"],"firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030",
                 "conditions":[%s]}""".formatted(condition);
    }

    @Test
    void aConditionIsKeptWithTheAgreement() {
        String id = given().auth().oauth2(LYON1).contentType("application/json")
                .body(draftWith("""
                        {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                         "mobilityType":"CLINICAL_INTERNSHIP_MID","placesPerYear":10,
                         "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","minimumDays":30,"maximumDays":90,
                         "eqfLevel":7,"iscedCode":"0912","language":"fr","cefrLevel":"B2"}"""))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id)
                .then().statusCode(200)
                .body("conditions[0].mobilityType", equalTo("CLINICAL_INTERNSHIP_MID"))
                .body("conditions[0].placesPerYear", equalTo(10))
                .body("conditions[0].iscedCode", equalTo("0912"));
    }

    @Test
    void badCodesAndNumbersAreRefusedFieldByField() {
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(draftWith("""
                        {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                         "mobilityType":"CLINICAL_INTERNSHIP_MID","placesPerYear":-1,
                         "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030",
                         "eqfLevel":9,"iscedCode":"912","language":"fr","cefrLevel":"D1"}"""))
                .when().post("/api/agreements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", hasItems("conditions[0].placesPerYear", "conditions[0].eqfLevel",
                        "conditions[0].iscedCode", "conditions[0].cefrLevel"));
    }

    @Test
    void rulesAcrossFieldsAreAnsweredInTheCallersLanguage() {
        given().auth().oauth2(LYON1).contentType("application/json").header("Accept-Language", "fr")
                .body(draftWith("""
                        {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"u-paris.fr",
                         "mobilityType":"RESEARCH_LONG","placesPerYear":2,
                         "firstAcademicYear":"2028/2029","lastAcademicYear":"2026/2027","minimumDays":200,"maximumDays":180}"""))
                .when().post("/api/agreements")
                .then().statusCode(400)
                .body("errors.field", hasItems("conditions[0].receivingInstitution", "conditions[0].lastAcademicYear",
                        "conditions[0].minimumDays"))
                .body("errors.find { it.field == 'conditions[0].receivingInstitution' }.reason",
                        equalTo("u-paris.fr n'est pas partie à l'accord"));
    }
}
