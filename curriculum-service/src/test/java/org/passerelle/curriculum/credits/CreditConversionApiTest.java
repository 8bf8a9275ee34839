package org.passerelle.curriculum.credits;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.Fixtures.STUDENT;

/** Credit conversion rules per pair of institutions, the convert endpoint, and credits of items converted by a rule. */
@QuarkusTest
class CreditConversionApiTest {

    /** Each test its own pair: rules are one per pair. */
    static String partner() {
        return "partner-" + UUID.randomUUID().toString().substring(0, 8) + ".fr";
    }

    static String rule(String partner, String ratio) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"chineseInstitution\":\"sjtu.edu.cn\",\"partnerInstitution\":\"%s\",\"ectsPerChineseCredit\":%s}"
                        .formatted(partner, ratio))
                .when().post("/api/credit-conversions/rules").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
    }

    @Test
    void convertsBothWaysWithThePairsRuleWhicheverSideIsNamedFirst() {
        String partner = partner();
        String id = rule(partner, "1.5");
        given().auth().oauth2(STUDENT).queryParam("institution", "sjtu.edu.cn").queryParam("partner", partner)
                .queryParam("chineseCredits", "3").when().get("/api/credit-conversions")
                .then().statusCode(200).body("ects", equalTo(4.5f)).body("chineseCredits", equalTo(3))
                .body("rule.id", equalTo(id)).body("rule.ectsPerChineseCredit", equalTo(1.5f));
        given().auth().oauth2(LYON1).queryParam("institution", partner).queryParam("partner", "sjtu.edu.cn")
                .queryParam("ects", "5").when().get("/api/credit-conversions")
                .then().statusCode(200).body("chineseCredits", equalTo(3.3f));
    }

    @Test
    void conversionRefusalsSayWhy() {
        given().auth().oauth2(STUDENT).queryParam("institution", "sjtu.edu.cn").queryParam("partner", partner())
                .queryParam("ects", "5").header("Accept-Language", "zh").when().get("/api/credit-conversions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:no-conversion-rule"));
        given().auth().oauth2(STUDENT).queryParam("institution", "sjtu.edu.cn").queryParam("partner", "univ-lyon1.fr")
                .queryParam("ects", "5").queryParam("chineseCredits", "3").when().get("/api/credit-conversions")
                .then().statusCode(400).body("errors[0].field", equalTo("chineseCredits"));
        given().auth().oauth2(STUDENT).queryParam("institution", "sjtu.edu.cn").queryParam("partner", "univ-lyon1.fr")
                .queryParam("ects", "five").when().get("/api/credit-conversions")
                .then().statusCode(400).body("errors[0].field", equalTo("ects"));
    }

    @Test
    void onePairOneRuleChangedOnlyByTheInternationalOfficeUnderIfMatch() {
        String partner = partner();
        String id = rule(partner, "1.5");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"chineseInstitution\":\"%s\",\"partnerInstitution\":\"sjtu.edu.cn\",\"ectsPerChineseCredit\":2}".formatted(partner))
                .when().post("/api/credit-conversions/rules").then().statusCode(409);
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").contentType("application/json").body("{\"ectsPerChineseCredit\":2}")
                .when().put("/api/credit-conversions/rules/{id}", id).then().statusCode(403);
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType("application/json").body("{\"ectsPerChineseCredit\":1.25}")
                .when().put("/api/credit-conversions/rules/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("ectsPerChineseCredit", equalTo(1.25f));
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType("application/json").body("{\"ectsPerChineseCredit\":3}")
                .when().put("/api/credit-conversions/rules/{id}", id).then().statusCode(412);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"chineseInstitution\":\"sjtu.edu.cn\","
                        + "\"partnerInstitution\":\"sjtu.edu.cn\",\"ectsPerChineseCredit\":0}")
                .when().post("/api/credit-conversions/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("ectsPerChineseCredit"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"chineseInstitution\":\"sjtu.edu.cn\","
                        + "\"partnerInstitution\":\"sjtu.edu.cn\",\"ectsPerChineseCredit\":1.5}")
                .when().post("/api/credit-conversions/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("partnerInstitution"));
    }

    @Test
    void anItemStoresBothSchemesAndTheRuleThatConvertedThem() {
        String ruleId = rule(partner(), "1.5");
        String course = """
                {"kind":"BASIC_COURSE","title":{"fr":"Anatomie","en":"Anatomy","zh":"解剖学"},
                 "description":{"fr":"d","en":"d","zh":"d"},"teachingLanguage":"zh","code":"MED-ANAT-101","hours":48,
                 "term":"AUTUMN","credits":%s}""";
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(course.formatted("{\"chineseCredits\":3,\"conversionRuleId\":\"" + ruleId + "\"}"))
                .when().post("/api/catalogue")
                .then().statusCode(201).body("credits.ects", equalTo(4.5f)).body("credits.chineseCredits", equalTo(3))
                .body("credits.ectsPerChineseCredit", equalTo(1.5f)).body("credits.conversionRuleId", equalTo(ruleId));
        given().auth().oauth2(ADMIN).contentType("application/json").header("Accept-Language", "fr")
                .body(course.formatted("{\"chineseCredits\":3,\"ects\":6,\"conversionRuleId\":\"" + ruleId + "\"}"))
                .when().post("/api/catalogue")
                .then().statusCode(400).body("errors[0].field", equalTo("credits.ects"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("4,5"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(course.formatted("{\"chineseCredits\":3}"))
                .when().post("/api/catalogue")
                .then().statusCode(400).body("errors[0].field", equalTo("credits.ects"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(course.formatted("{\"ects\":3,\"conversionRuleId\":\"" + UUID.randomUUID() + "\"}"))
                .when().post("/api/catalogue")
                .then().statusCode(400).body("errors[0].field", equalTo("credits.conversionRuleId"));
    }
}
