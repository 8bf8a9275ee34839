package org.passerelle.curriculum.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.STUDENT;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.newAccount;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;

/**
 * Searching the catalogue as the frontend and partners do. Each run tags its titles with a fresh word, so that
 * items other tests published do not change what is found here.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueSearchTest {

    final String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
    String hepato;
    String cardio;
    String summer;

    // once per class, but after Quarkus pointed REST Assured at the started service (it does so before each test)
    @BeforeEach
    void aSmallCatalogue() {
        if (hepato != null) {
            return;
        }
        hepato = publish(internship("Hépato-gastroentérologie " + tag, "Hepato-gastroenterology " + tag, "肝胆外科 " + tag, newAccount()));
        cardio = publish(internship("Cardiologie " + tag, "Cardiology " + tag, "心内科 " + tag, newAccount())
                .replace("Hepato-gastroenterology\"", "Cardiology\"").replace("\"fr\",\"hospital\"", "\"zh\",\"hospital\"")
                .replace("Ruijin Hospital", "Xinhua Hospital"));
        summer = publish(summerProgramme("Summer school " + tag));
        openSession(hepato, "2026/2027", "2027-03-01", "2027-04-26", 4);
        openSession(summer, "2026/2027", "2027-07-05", "2027-07-30", 30);
        openSession(cardio, "2027/2028", "2027-10-04", "2027-11-26", 0);
    }

    private List<String> found(Object... parameters) {
        var query = new java.util.LinkedHashMap<String, Object>(java.util.Map.of("q", tag, "size", 100));
        for (int i = 0; i < parameters.length; i += 2) {
            query.put((String) parameters[i], parameters[i + 1]);
        }
        return given().auth().oauth2(STUDENT).queryParams(query).when().get("/api/catalogue").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertEquals(List.of(hepato), found("q", "HEPATO-GASTROENTEROLOGIE " + tag.toUpperCase()));
        assertEquals(List.of(hepato), found("q", "gastroentérologie  " + tag));
        assertEquals(List.of(hepato), found("q", "Hépato gastroenterology " + tag));
        assertEquals(List.of(cardio), found("q", "CARDIOLOGIE " + tag));
    }

    @Test
    void chineseCharactersFindChineseTitles() {
        given().auth().oauth2(STUDENT).queryParam("q", "肝胆").queryParam("size", 100).when().get("/api/catalogue")
                .then().statusCode(200).body("items.id", hasItem(hepato));
        given().auth().oauth2(STUDENT).queryParam("q", "肝").queryParam("kind", "CLINICAL_INTERNSHIP").queryParam("size", 100)
                .when().get("/api/catalogue")
                .then().statusCode(200).body("items.title.zh", hasItem("肝胆外科 " + tag));
    }

    @Test
    void byKindLanguageSpecialtyAndHospital() {
        assertEquals(List.of(summer), found("kind", "SUMMER_PROGRAMME"));
        assertEquals(List.of(cardio), found("teachingLanguage", "zh"));
        assertEquals(List.of(hepato), found("specialty", "hepato-gastroenterology"));
        assertEquals(List.of(cardio), found("hospital", "XINHUA HOSPITAL"));
    }

    @Test
    void byAcademicYearPeriodAndFreeSeats() {
        assertEquals(List.of(cardio), found("academicYear", "2027/2028"));
        // sorted by English title: Cardiology, Hepato-gastroenterology, Summer school
        assertEquals(List.of(hepato, summer), found("academicYear", "2026/2027"));
        assertEquals(List.of(summer), found("from", "2027-07-20", "to", "2027-08-31"));
        assertEquals(List.of(hepato), found("from", "2027-01-01", "to", "2027-03-01"));
        assertEquals(List.of(hepato, summer), found("freeSeats", 1));
        assertEquals(List.of(summer), found("freeSeats", 5));
    }

    @Test
    void pagesAreStableAndSortedByEnglishTitle() {
        var first = given().auth().oauth2(STUDENT).queryParam("q", tag).queryParam("size", 2).when().get("/api/catalogue")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .extract().jsonPath().<String>getList("items.id");
        var second = given().auth().oauth2(STUDENT).queryParam("q", tag).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/catalogue").then().statusCode(200).extract().jsonPath().<String>getList("items.id");
        assertEquals(List.of(cardio, hepato), first);
        assertEquals(List.of(summer), second);
    }

    @Test
    void aFilterValueThatIsNotAllowedNamesTheParameter() {
        given().auth().oauth2(STUDENT).queryParam("kind", "WORKSHOP").when().get("/api/catalogue")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(STUDENT).queryParam("from", "01/07/2027").when().get("/api/catalogue")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ADMIN).queryParam("academicYear", "2026").queryParam("size", 101).when().get("/api/catalogue")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("academicYear", "size"));
    }
}
