package org.passerelle.curriculum;

import io.smallrye.jwt.build.Jwt;
import org.passerelle.devstack.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens and catalogue items for the API tests, made through the API as a client would. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    public static final String STUDENT = TestTokens.of("student", "univ-lyon1.fr");
    public static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    public static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");

    private Fixtures() {
    }

    /** A supervisor's token whose subject is the given account, as Keycloak names the user. */
    public static String supervisor(String account) {
        return Jwt.preferredUserName("supervisor.sjtu.edu.cn").subject(account)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("supervisor")))
                .claim("institution", "sjtu.edu.cn")
                .jws().keyId("1").sign();
    }

    public static String internship(String fr, String en, String zh, String supervisorAccount) {
        return """
                {"kind":"CLINICAL_INTERNSHIP","title":{"fr":"%s","en":"%s","zh":"%s"},
                 "description":{"fr":"Huit semaines à l'hôpital Ruijin.","en":"Eight weeks at Ruijin Hospital.","zh":"在瑞金医院实习八周。"},
                 "teachingLanguage":"fr","hospital":"Ruijin Hospital","department":"Hepatobiliary surgery",
                 "specialty":"Hepato-gastroenterology","durationWeeks":8,"minimumYearOfStudy":4,
                 "requirements":["HEPATITIS_B_VACCINATION","HEALTH_INSURANCE"],
                 "supervisor":{"account":"%s","name":"王芳 Wáng Fāng"},
                 "credits":{"chineseCredits":4,"ects":6}}""".formatted(fr, en, zh, supervisorAccount);
    }

    public static String summerProgramme(String en) {
        return """
                {"kind":"SUMMER_PROGRAMME","title":{"fr":"Université d'été %1$s","en":"%1$s","zh":"暑期学校 %1$s"},
                 "description":{"fr":"Quatre semaines à Shanghai.","en":"Four weeks in Shanghai.","zh":"在上海学习四周。"},
                 "teachingLanguage":"en","durationWeeks":4}""".formatted(en);
    }

    /** Publishes an item as the international office; returns its id. */
    public static String publish(String body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/catalogue").then().statusCode(201).extract().path("id");
    }

    /** Plans and opens a session of the item; returns its id. */
    public static String openSession(String itemId, String academicYear, String start, String end, int capacity) {
        String id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"academicYear\":\"%s\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"capacity\":%d}"
                        .formatted(academicYear, start, end, capacity))
                .when().post("/api/catalogue/{id}/sessions", itemId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"")
                .when().post("/api/catalogue/sessions/{id}/opening", id).then().statusCode(200);
        return id;
    }

    public static String newAccount() {
        return UUID.randomUUID().toString();
    }
}
