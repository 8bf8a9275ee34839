package org.passerelle.identity.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.identity.OutboxRows;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The international office registers and changes institutions; partners find them by any of their codes. */
@QuarkusTest
class InstitutionRegistrationTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String COORDINATOR = TestTokens.of("coordinator", "u-paris.fr");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void registeredWithItsUnitsAndAnnouncedByAnEventThatMatchesItsSchema() throws Exception {
        String code = uniqueCode();
        var created = register(institution(code, null, null, """
                [{"kind":"HOSPITAL","name":%s,"units":[{"kind":"DEPARTMENT","name":%s}]}]"""
                .formatted(names("Hôpital de l'Hôtel-Dieu", "Hôtel-Dieu Hospital", "主宫医院"),
                        names("Service d'hépato-gastroentérologie", "Hepato-gastroenterology", "肝胆胃肠科"))))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("schacCode", equalTo(code))
                .body("name.fr", equalTo("Université d'Éloïse D'Aubigné"))
                .body("units[0].kind", equalTo("HOSPITAL"))
                .body("units[0].units[0].name.fr", equalTo("Service d'hépato-gastroentérologie"))
                .body("units[0].units[0].name.zh", equalTo("肝胆胃肠科"));
        String id = created.extract().path("id");

        var events = OutboxRows.of(dataSource, id);
        assertEquals(List.of("passerelle.identity.InstitutionRegistered.v1"), events.stream().map(OutboxRows.Event::type).toList());
        assertEquals(List.of(), EventContracts.violations(events.get(0).type(), events.get(0).payload()));
        String hospitalId = created.extract().path("units[0].id");
        var units = events.get(0).data().path("units");
        assertEquals(hospitalId, units.get(0).path("unitId").asText());
        assertEquals(hospitalId, units.get(1).path("parentUnitId").asText());
        assertEquals("肝胆胃肠科", units.get(1).path("name").path("zh").asText());
    }

    @Test
    void foundByAPreviousSchacCodeAndByItsErasmusCodeWhateverTheSpacing() {
        given().auth().oauth2(COORDINATOR).queryParam("schacCode", "parisdescartes.fr")
                .when().get("/api/institutions")
                .then().statusCode(200)
                .body("items.schacCode", equalTo(List.of("u-paris.fr")))
                .body("items[0].previousSchacCodes", hasItems("parisdescartes.fr", "univ-paris-diderot.fr"));
        for (String spacing : List.of("F  LYON01", "F LYON01", "FLYON01", " F\tLYON01 ")) {
            given().auth().oauth2(COORDINATOR).queryParam("erasmusCode", spacing)
                    .when().get("/api/institutions")
                    .then().statusCode(200)
                    .body("items.schacCode", equalTo(List.of("univ-lyon1.fr")))
                    .body("items[0].erasmusCode", equalTo("F  LYON01"));
        }
        given().auth().oauth2(COORDINATOR).queryParam("erasmusCode", "f lyon01")
                .when().get("/api/institutions")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aChangeKeepsUnitIdsTurnsTheReplacedCodeIntoAPreviousOneAndIsPublishedWhole() throws Exception {
        String code = uniqueCode();
        var created = register(institution(code, "CH", null, """
                [{"kind":"HOSPITAL","name":%s},{"kind":"FACULTY","name":%s}]"""
                .formatted(names("Hôpital François-Rabelais", "François Rabelais Hospital", "拉伯雷医院"),
                        names("Faculté de médecine", "Faculty of Medicine", "医学院")))).statusCode(201);
        String id = created.extract().path("id");
        String hospitalId = created.extract().path("units.find { it.kind == 'HOSPITAL' }.id");

        String renamed = uniqueCode();
        String etag = given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"0\"")
                .body(institution(renamed, "CH", "CH GENEVE01", """
                        [{"id":"%s","kind":"HOSPITAL","name":%s,"units":[{"kind":"DEPARTMENT","name":%s}]}]"""
                        .formatted(hospitalId, names("Hôpital François-Rabelais", "François Rabelais Hospital", "拉伯雷医院"),
                                names("Service de cardiologie", "Cardiology", "心脏内科"))))
                .when().put("/api/institutions/{id}", id)
                .then().statusCode(200)
                .body("schacCode", equalTo(renamed))
                .body("previousSchacCodes", equalTo(List.of(code)))
                .body("units.size()", equalTo(1))
                .body("units[0].id", equalTo(hospitalId))
                .body("units[0].units[0].name.en", equalTo("Cardiology"))
                .extract().header("ETag");
        assertNotEquals("\"0\"", etag);

        given().auth().oauth2(COORDINATOR).queryParam("schacCode", code)
                .when().get("/api/institutions")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));

        var events = OutboxRows.of(dataSource, id);
        assertEquals(List.of("passerelle.identity.InstitutionRegistered.v1", "passerelle.identity.InstitutionChanged.v1"),
                events.stream().map(OutboxRows.Event::type).toList());
        assertEquals(List.of(), EventContracts.violations(events.get(1).type(), events.get(1).payload()));
        var changed = events.get(1).data();
        assertEquals(renamed, changed.path("schacCode").asText());
        assertEquals(code, changed.path("previousSchacCodes").get(0).asText());
        assertEquals("CH GENEVE01", changed.path("erasmusCode").asText());
        assertEquals(List.of("HOSPITAL", "DEPARTMENT"),
                java.util.stream.StreamSupport.stream(changed.path("units").spliterator(), false)
                        .map(u -> u.path("kind").asText()).toList(), "the faculty left out is gone");
    }

    @Test
    void aChangeNeedsTheCurrentETag() {
        String code = uniqueCode();
        String id = register(institution(code, null, null, "[]")).statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").body(institution(code, null, null, "[]"))
                .when().put("/api/institutions/{id}", id)
                .then().statusCode(428).body("type", equalTo("urn:passerelle:problem:precondition-required"));
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"7\"")
                .body(institution(code, null, null, "[]"))
                .when().put("/api/institutions/{id}", id)
                .then().statusCode(412).body("type", equalTo("urn:passerelle:problem:precondition-failed"));
    }

    @Test
    void aCodeOfAnotherInstitutionIsRefusedNamingTheField() {
        register(institution("u-paris.fr", null, null, "[]"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:institution-code-taken"))
                .body("errors[0].field", equalTo("schacCode"));
        given().auth().oauth2(ADMIN).header("Accept-Language", "fr").contentType("application/json")
                .body(institution(uniqueCode(), null, "F LYON01", "[]"))
                .when().post("/api/institutions")
                .then().statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:institution-code-taken"))
                .body("detail", equalTo("Le code F LYON01 appartient déjà à l'établissement univ-lyon1.fr."))
                .body("errors[0].field", equalTo("erasmusCode"))
                .body("errors[0].reason", equalTo("appartient déjà à l'établissement univ-lyon1.fr"));
        String withPrevious = institution(uniqueCode(), null, null, "[]")
                .replace("\"previousSchacCodes\":[]", "\"previousSchacCodes\":[\"univ-paris-diderot.fr\"]");
        register(withPrevious).statusCode(409).body("errors[0].field", equalTo("previousSchacCodes[0]"));
    }

    @Test
    void theUnitTreeRulesAreReportedByField() {
        register(institution(uniqueCode(), null, null, """
                [{"kind":"DEPARTMENT","name":%1$s},
                 {"kind":"FACULTY","name":%1$s,"units":[{"kind":"HOSPITAL","name":%1$s}]}]"""
                .formatted(names("Service", "Department", "科室"))))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", equalTo(List.of("units[0].kind", "units[1].units[0].kind")));
        String code = uniqueCode();
        String id = register(institution(code, null, null, "[]")).statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"0\"")
                .body(institution(code, null, null, """
                        [{"id":"5a0e7c1e-3b1d-4f43-8d7e-2c9a61b0e001","kind":"HOSPITAL","name":%s}]"""
                        .formatted(names("Hôpital Ruijin", "Ruijin Hospital", "瑞金医院"))))
                .when().put("/api/institutions/{id}", id)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("units[0].id")));
    }

    @Test
    void malformedCodesAreRefusedEachWithItsReason() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(institution("Not A Domain", "France", "lyon", "[]").replace("\"pic\":null", "\"pic\":\"12\""))
                .when().post("/api/institutions")
                .then().statusCode(400)
                .body("errors.field", hasItems("schacCode", "countryCode", "erasmusCode", "pic"))
                .body("errors.find { it.field == 'erasmusCode' }.reason", startsWith("must be an Erasmus code"));
    }

    @Test
    void onlyTheInternationalOfficeRegistersAndChanges() {
        given().auth().oauth2(COORDINATOR).contentType("application/json").body(institution(uniqueCode(), null, null, "[]"))
                .when().post("/api/institutions")
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:forbidden"));
        given().auth().oauth2(TestTokens.of("integration", "u-paris.fr")).contentType("application/json")
                .header("If-Match", "\"0\"").body(institution("u-paris.fr", null, null, "[]"))
                .when().put("/api/institutions/{id}", "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02")
                .then().statusCode(403);
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyRegistersOnce() {
        String key = "register-" + UUID.randomUUID();
        String body = institution(uniqueCode(), null, null, "[]");
        String first = given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/institutions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/institutions")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
    }

    // ---------------------------------------------------------------------------------------------------

    static ValidatableResponse register(String body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/institutions").then();
    }

    /** An institution of the given country (BE if null), with the Erasmus code if any. */
    static String institution(String schacCode, String country, String erasmusCode, String units) {
        return """
                {"schacCode":"%s","previousSchacCodes":[],"erasmusCode":%s,"pic":null,
                 "name":%s,"countryCode":"%s","units":%s}"""
                .formatted(schacCode, erasmusCode == null ? "null" : "\"" + erasmusCode + "\"",
                        names("Université d'Éloïse D'Aubigné", "Éloïse D'Aubigné University", "王芳大学"),
                        country == null ? "BE" : country, units);
    }

    static String names(String fr, String en, String zh) {
        return "{\"fr\":\"%s\",\"en\":\"%s\",\"zh\":\"%s\"}".formatted(fr, en, zh);
    }

    static String uniqueCode() {
        return "univ-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

}
