package org.passerelle.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** People registered by the international office, found by any identifier, never twice. */
@QuarkusTest
class PersonApiTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @jakarta.inject.Inject
    org.passerelle.runtime.privacy.Fingerprints fingerprints;

    @Test
    void namesWithAccentsApostrophesAndChineseCharactersComeBackIntact() {
        String ine = ine();
        String id = register(eloise(ine)).statusCode(201)
                .header("Location", startsWith("http"))
                .body("name.given", equalTo("Éloïse"))
                .body("name.family", equalTo("D'Aubigné"))
                .extract().path("id");
        given().auth().oauth2(PARIS).when().get("/api/people/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name.family", equalTo("D'Aubigné"))
                .body("email", equalTo("eloise.daubigne@u-paris.example"))
                .body("identifiers[0].value", equalTo(ine));

        String number = sjtuNumber();
        register(wangFang(number)).statusCode(201)
                .body("chineseName.family", equalTo("王"))
                .body("chineseName.given", equalTo("芳"))
                .body("chineseName.familyPinyin", equalTo("Wáng"))
                .body("chineseName.givenPinyin", equalTo("Fāng"));
    }

    @Test
    void aPersonIsFoundByAnyOfTheirIdentifiers() {
        String ine = ine();
        String esi = "urn:schac:personalUniqueCode:int:esi:fr:" + ine;
        String passport = "19FV" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String id = register(person("STUDENT", "u-paris.fr", "François", "Lefèvre-Çelik", """
                [{"scheme":"INE","value":"%s"},{"scheme":"ESI","value":"%s"},
                 {"scheme":"PASSPORT","value":"%s","issuingCountry":"FR"}]""".formatted(ine, esi, passport)))
                .statusCode(201).extract().path("id");
        for (String value : List.of(ine, esi, passport)) {
            given().auth().oauth2(ADMIN).queryParam("identifier", value)
                    .when().get("/api/people")
                    .then().statusCode(200)
                    .body("items.id", equalTo(List.of(id)));
        }
        given().auth().oauth2(ADMIN).queryParam("identifier", ine).queryParam("scheme", "PASSPORT")
                .when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aSecondPersonWithTheSameIdentifierIsRefusedNamingIt() {
        String ine = ine();
        register(eloise(ine)).statusCode(201);
        given().auth().oauth2(ADMIN).header("Accept-Language", "fr").contentType("application/json")
                .body(person("STUDENT", "univ-lyon1.fr", "Zoë", "N'Diaye",
                        "[{\"scheme\":\"SJTU_STUDENT_NUMBER\",\"value\":\"" + sjtuNumber() + "\"},"
                                + "{\"scheme\":\"INE\",\"value\":\"" + ine + "\"}]"))
                .when().post("/api/people")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:duplicate-identifier"))
                .body("detail", equalTo("Une autre personne est déjà enregistrée avec l'identifiant INE " + ine + "."))
                .body("errors[0].field", equalTo("identifiers[1].value"));
    }

    @Test
    void registrationsRacingWithTheSameIdentifierCreateOnePerson() throws Exception {
        String ine = ine();
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ValidatableResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<ValidatableResponse>) () -> register(eloise(ine))));
            }
            int created = 0;
            for (var answer : answers) {
                var response = answer.get();
                int status = response.extract().statusCode();
                if (status == 201) {
                    created++;
                } else {
                    response.statusCode(409)
                            .body("type", equalTo("urn:passerelle:problem:duplicate-identifier"))
                            .body("errors[0].field", equalTo("identifiers[0].value"));
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).queryParam("identifier", ine)
                .when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aRegistrationThatPassedTheCheckIsStillRefusedByTheConstraintNamingTheIdentifier() throws Exception {
        String ine = ine();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // another registration of the same INE, written but not yet committed: the check cannot see it
            try (var person = connection.prepareStatement("""
                    insert into person (id, kind, institution_code, given_name, family_name, email)
                    values (gen_random_uuid(), 'STUDENT', 'u-paris.fr', 'Zoë', 'N''Diaye', 'zoe.ndiaye@u-paris.example')
                    returning id""")) {
                var rows = person.executeQuery();
                rows.next();
                try (var identifier = connection.prepareStatement(
                        "insert into person_identifier (person_id, scheme, value) values (?, 'INE', ?)")) {
                    identifier.setObject(1, rows.getObject(1));
                    identifier.setString(2, ine);
                    identifier.executeUpdate();
                }
            }
            var pool = Executors.newSingleThreadExecutor();
            try {
                Future<ValidatableResponse> racing = pool.submit(() -> register(eloise(ine)));
                Thread.sleep(1500);
                org.junit.jupiter.api.Assertions.assertFalse(racing.isDone(), "the second insert waits on the unique index");
                connection.commit();
                racing.get().statusCode(409)
                        .body("type", equalTo("urn:passerelle:problem:duplicate-identifier"))
                        .body("errors[0].field", equalTo("identifiers[0].value"))
                        .body("detail", equalTo("Another person is already registered with the INE " + ine + "."));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondHolderOfAnIdentifier() throws Exception {
        String ine = ine();
        String id = register(eloise(ine)).statusCode(201).extract().path("id");
        String other = register(eloise(ine())).statusCode(201).extract().path("id");
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement(
                     "insert into person_identifier (person_id, scheme, value) values (?::uuid, 'INE', ?)")) {
            insert.setString(1, other);
            insert.setString(2, ine);
            var refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, insert::executeUpdate);
            assertEquals("23505", refused.getSQLState(), "unique violation, not " + refused.getMessage());
        }
        given().auth().oauth2(ADMIN).queryParam("identifier", ine)
                .when().get("/api/people")
                .then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aCoordinatorReadsOnlyThePeopleOfTheirInstitution() {
        String ine = ine();
        String id = register(eloise(ine)).statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).when().get("/api/people/{id}", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
        given().auth().oauth2(LYON1).queryParam("identifier", ine)
                .when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
        List<String> institutions = given().auth().oauth2(PARIS).queryParam("size", 100)
                .when().get("/api/people")
                .then().statusCode(200).extract().path("items.institution");
        assertEquals(List.of("u-paris.fr"), institutions.stream().distinct().toList());
        given().auth().oauth2(PARIS).contentType("application/json").body(eloise(ine()))
                .when().post("/api/people")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("student", "u-paris.fr")).when().get("/api/people/{id}", id)
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:forbidden"));
    }

    @Test
    void badNamesAndIdentifiersAreRefusedFieldByField() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"kind":"STUDENT","institution":"u-paris.fr","name":{"given":"Éloïse","family":"王"},
                         "chineseName":{"given":"Fang","family":"王","givenPinyin":"Fāng","familyPinyin":""},
                         "dateOfBirth":"2090-01-01","email":"not an address",
                         "identifiers":[{"scheme":"INE","value":"12345678ABC"}]}""")
                .when().post("/api/people")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", hasItems("name.family", "chineseName.given", "chineseName.familyPinyin",
                        "dateOfBirth", "email"));
        register(person("STUDENT", "u-paris.fr", "Zoë", "N'Diaye", "[{\"scheme\":\"INE\",\"value\":\"12345678ABC\"}]"))
                .statusCode(400)
                .body("errors[0].field", equalTo("identifiers[0].value"))
                .body("errors[0].reason", startsWith("an INE is 11 characters"));
        register(person("STUDENT", "nowhere.example", "Zoë", "N'Diaye", "[]"))
                .statusCode(400)
                .body("errors[0].field", equalTo("institution"));
    }

    @Test
    void aChangeNeedsTheCurrentETagAndKeepsIdentifiersUnique() {
        String taken = ine();
        register(eloise(taken)).statusCode(201);
        String ine = ine();
        String id = register(wangFang(sjtuNumber())).statusCode(201).extract().path("id");
        String withIne = person("STUDENT", "sjtu.edu.cn", "Fang", "Wang", "[{\"scheme\":\"INE\",\"value\":\"" + ine + "\"}]");
        given().auth().oauth2(ADMIN).contentType("application/json").body(withIne)
                .when().put("/api/people/{id}", id)
                .then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"0\"").body(withIne)
                .when().put("/api/people/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("identifiers.scheme", equalTo(List.of("INE")));
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"1\"")
                .body(withIne.replace(ine, taken))
                .when().put("/api/people/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:duplicate-identifier"));
        given().auth().oauth2(ADMIN).queryParam("identifier", ine)
                .when().get("/api/people")
                .then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aRegistrationAndAChangeAreAnnouncedWithTheIdentifiersFingerprintsOnly() throws Exception {
        String ine = ine();
        String id = register(eloise(ine)).statusCode(201).extract().path("id");
        String changedIne = ine();
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", "\"0\"").body(eloise(changedIne))
                .when().put("/api/people/{id}", id).then().statusCode(200);

        var events = org.passerelle.identity.OutboxRows.of(dataSource, id);
        assertEquals(List.of("passerelle.identity.PersonRegistered.v1", "passerelle.identity.PersonChanged.v1"),
                events.stream().map(org.passerelle.identity.OutboxRows.Event::type).toList());
        for (int i = 0; i < 2; i++) {
            var event = events.get(i);
            assertEquals(List.of(), org.passerelle.devstack.testing.EventContracts.violations(event.type(), event.payload()));
            assertEquals(fingerprints.of("INE", i == 0 ? ine : changedIne), event.data().at("/identifierFingerprints/0").asText());
            assertEquals("u-paris.fr", event.data().at("/institution").asText());
            org.junit.jupiter.api.Assertions.assertFalse(event.payload().contains(ine) || event.payload().contains("Aubign"),
                    "no identifier or name in plain text: " + event.payload());
        }
    }

    // ---------------------------------------------------------------------------------------------------

    static ValidatableResponse register(String body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/people").then();
    }

    static String eloise(String ine) {
        return person("STUDENT", "u-paris.fr", "Éloïse", "D'Aubigné", "[{\"scheme\":\"INE\",\"value\":\"" + ine + "\"}]");
    }

    static String wangFang(String sjtuNumber) {
        return """
                {"kind":"STUDENT","institution":"sjtu.edu.cn","name":{"given":"Fang","family":"Wang"},
                 "chineseName":{"given":"芳","family":"王","givenPinyin":"Fāng","familyPinyin":"Wáng"},
                 "dateOfBirth":"2004-02-29","nationality":"CN","email":"wang.fang@sjtusm.example",
                 "identifiers":[{"scheme":"SJTU_STUDENT_NUMBER","value":"%s"}]}""".formatted(sjtuNumber);
    }

    static String person(String kind, String institution, String given, String family, String identifiers) {
        return """
                {"kind":"%s","institution":"%s","name":{"given":"%s","family":"%s"},
                 "dateOfBirth":"2003-04-17","nationality":"FR","email":"eloise.daubigne@u-paris.example",
                 "identifiers":%s}""".formatted(kind, institution, given, family, identifiers);
    }

    /** A fresh INE of the 2018 form: 9 digits and 2 letters. */
    static String ine() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999)) + "AB";
    }

    static String sjtuNumber() {
        return "5191" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }
}
