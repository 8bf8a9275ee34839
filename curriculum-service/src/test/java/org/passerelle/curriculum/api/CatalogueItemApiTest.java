package org.passerelle.curriculum.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.Outboxes;
import org.passerelle.devstack.testing.EventContracts;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.Fixtures.STUDENT;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.newAccount;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.supervisor;

/** Items published by the international office, revised by their supervisor, withdrawn; with the events they cause. */
@QuarkusTest
class CatalogueItemApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theInternationalOfficePublishesAnInternshipThatEveryRoleReads() {
        String id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(internship("Hépato-gastroentérologie", "Hepato-gastroenterology", "肝胆外科", newAccount()))
                .when().post("/api/catalogue")
                .then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(STUDENT).when().get("/api/catalogue/{id}", id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("kind", equalTo("CLINICAL_INTERNSHIP"))
                .body("status", equalTo("PUBLISHED"))
                .body("title.zh", equalTo("肝胆外科"))
                .body("hospital", equalTo("Ruijin Hospital"))
                .body("minimumYearOfStudy", equalTo(4))
                .body("requirements.kind", contains("HEPATITIS_B_VACCINATION", "HEALTH_INSURANCE"))
                .body("requirements.validForWholeStay", contains(false, true))
                .body("requirements.checkedBy", contains("RECEIVING", "RECEIVING"))
                .body("offeredBy", equalTo("sjtu.edu.cn"))
                .body("credits.ects", equalTo(6.0f))
                .body("credits.chineseCredits", equalTo(4.0f));
    }

    @Test
    void aFrenchPartnersPlacementStatesItsRequirementsAndWhoChecksThem() {
        String body = internship("Stage d'été à Lyon", "Summer traineeship in Lyon", "里昂暑期实习", newAccount())
                .replace("\"requirements\":[\"HEPATITIS_B_VACCINATION\",\"HEALTH_INSURANCE\"]",
                        "\"requirements\":[{\"kind\":\"VISA\",\"checkedBy\":\"SENDING\"},"
                                + "{\"kind\":\"TUBERCULOSIS_SCREENING\",\"validForWholeStay\":true}],\"offeredBy\":\"univ-lyon1.fr\"");
        String id = publish(body);
        given().auth().oauth2(STUDENT).when().get("/api/catalogue/{id}", id).then().statusCode(200)
                .body("offeredBy", equalTo("univ-lyon1.fr"))
                .body("requirements.kind", contains("TUBERCULOSIS_SCREENING", "VISA"))
                .body("requirements.validForWholeStay", contains(true, true))
                .body("requirements.checkedBy", contains("RECEIVING", "SENDING"));
        // an outbound Chinese student looks for the placements Lyon 1 offers
        given().auth().oauth2(STUDENT).queryParam("q", "Summer traineeship in Lyon").queryParam("offeredBy", "univ-lyon1.fr")
                .when().get("/api/catalogue").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.offeredBy", everyItem(equalTo("univ-lyon1.fr")));
        given().auth().oauth2(STUDENT).queryParam("q", "Summer traineeship in Lyon").queryParam("offeredBy", "sjtu.edu.cn")
                .when().get("/api/catalogue").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(STUDENT).queryParam("offeredBy", "../lyon").when().get("/api/catalogue").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(body.replace("\"offeredBy\":\"univ-lyon1.fr\"", "\"offeredBy\":\"../lyon\""))
                .when().post("/api/catalogue").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("offeredBy"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(body.replace("\"kind\":\"VISA\"", "\"kind\":\"PASSPORT\"").replace("{\"kind\":\"TUBERCULOSIS_SCREENING\",\"validForWholeStay\":true}", "\"NOPE\""))
                .when().post("/api/catalogue").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyTheInternationalOfficePublishes() {
        for (String token : new String[] {STUDENT, LYON1, supervisor(newAccount())}) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(internship("a", "b", "c", newAccount()))
                    .when().post("/api/catalogue")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:passerelle:problem:forbidden"));
        }
        given().when().get("/api/catalogue").then().statusCode(401);
    }

    @Test
    void eachKindHasItsFieldsAndNoOthersReportedFieldByField() {
        given().auth().oauth2(ADMIN).contentType("application/json").header("Accept-Language", "fr")
                .body("""
                        {"kind":"BASIC_COURSE","title":{"fr":"Anatomie","en":"Anatomy","zh":"解剖学"},
                         "description":{"fr":"d","en":"d","zh":"d"},"teachingLanguage":"zh",
                         "code":"MED-ANAT-101","hospital":"Ruijin Hospital"}""")
                .when().post("/api/catalogue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", containsInAnyOrder("hours", "term", "hospital"))
                .body("errors.find { it.field == 'hospital' }.reason", equalTo("n'est pas un champ d'un BASIC_COURSE"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"kind":"RESEARCH_PLACEMENT","title":{"fr":"","en":"Leukaemia","zh":"白血病"},
                         "description":{"fr":"d","en":"d","zh":"d"},"teachingLanguage":"english","durationMonths":0}""")
                .when().post("/api/catalogue")
                .then().statusCode(400)
                .body("errors.field", hasItems("title.fr", "teachingLanguage", "durationMonths"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"kind":"RESEARCH_PLACEMENT","title":{"fr":"Leucémies","en":"Leukaemia","zh":"白血病"},
                         "description":{"fr":"d","en":"d","zh":"d"},"teachingLanguage":"en",
                         "laboratory":"Shanghai Institute of Hematology","principalInvestigator":"Pr. Chen Jing 陈静",
                         "topic":"Targeted therapies in acute promyelocytic leukaemia","durationMonths":6}""")
                .when().post("/api/catalogue")
                .then().statusCode(201).body("laboratory", equalTo("Shanghai Institute of Hematology"));
    }

    @Test
    void theSupervisorRevisesTheirItemUnderIfMatchAndNoOtherSupervisorDoes() throws Exception {
        String account = newAccount();
        String id = publish(internship("Cardiologie", "Cardiology", "心内科", account));
        String revised = internship("Cardiologie interventionnelle", "Interventional cardiology", "介入心脏病学", account);

        given().auth().oauth2(supervisor(account)).contentType("application/json").body(revised)
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(428).body("type", equalTo("urn:passerelle:problem:precondition-required"));
        given().auth().oauth2(supervisor(newAccount())).header("If-Match", "\"0\"").contentType("application/json").body(revised)
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-supervisor"));
        given().auth().oauth2(supervisor(account)).header("If-Match", "\"0\"").contentType("application/json").body(revised)
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title.en", equalTo("Interventional cardiology"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType("application/json").body(revised)
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(412).body("type", equalTo("urn:passerelle:problem:precondition-failed"));
        // a supervisor cannot hand their item to someone else
        given().auth().oauth2(supervisor(account)).header("If-Match", "\"1\"").contentType("application/json")
                .body(internship("x", "y", "z", newAccount()))
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(403);

        assertEquals(List.of("passerelle.curriculum.CatalogueItemPublished.v1", "passerelle.curriculum.CatalogueItemChanged.v1"),
                Outboxes.of(dataSource, id).stream().map(Outboxes.Event::type).toList());
        for (var event : Outboxes.of(dataSource, id)) {
            assertEquals(List.of(), EventContracts.violations(event.type(), event.data()), event.data());
        }
    }

    @Test
    void aWithdrawnItemLeavesTheSearchAndNoLongerChanges() throws Exception {
        String id = publish(internship("Néphrologie", "Nephrology withdrawn", "肾内科", newAccount()));
        given().auth().oauth2(ADMIN).when().post("/api/catalogue/{id}/withdrawal", id).then().statusCode(428);
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"")
                .when().post("/api/catalogue/{id}/withdrawal", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(STUDENT).queryParam("q", "nephrology withdrawn").when().get("/api/catalogue")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("q", "nephrology withdrawn").queryParam("status", "WITHDRAWN")
                .when().get("/api/catalogue").then().statusCode(200).body("items[0].id", equalTo(id));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").contentType("application/json")
                .body(internship("a", "b", "c", newAccount()))
                .when().put("/api/catalogue/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:catalogue-item-withdrawn"));
        var events = Outboxes.of(dataSource, id);
        assertEquals("passerelle.curriculum.CatalogueItemWithdrawn.v1", events.get(events.size() - 1).type());
        assertEquals(List.of(), EventContracts.violations(events.get(1).type(), events.get(1).data()));
    }

    @Test
    void aRetriedPublicationWithTheSameIdempotencyKeyPublishesOnce() {
        String key = "ruijin-" + UUID.randomUUID();
        String body = internship("Urologie", "Urology", "泌尿外科", newAccount());
        String first = given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/catalogue").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/catalogue")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).contentType("application/json")
                .body(internship("Urologie", "Urology (2)", "泌尿外科", newAccount()))
                .when().post("/api/catalogue")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:idempotency-key-reused"));
    }

    @Test
    void anUnknownItemIsNotFound() {
        given().auth().oauth2(STUDENT).when().get("/api/catalogue/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
