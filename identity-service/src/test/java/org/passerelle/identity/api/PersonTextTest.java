package org.passerelle.identity.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.identity.api.PersonApiTest.ADMIN;
import static org.passerelle.identity.api.PersonApiTest.ine;
import static org.passerelle.identity.api.PersonApiTest.register;

/** Names in one Unicode form and searchable; identifiers in one form whatever was typed. */
@QuarkusTest
class PersonTextTest {

    @Test
    void aNameSentDecomposedIsStoredComposedAndFoundWhateverItsAccentsAndCase() {
        String family = "D'Aubigné-" + letters();
        String nfd = Normalizer.normalize(family, Normalizer.Form.NFD);
        String id = register(PersonApiTest.person("STUDENT", "u-paris.fr", Normalizer.normalize("Éloïse", Normalizer.Form.NFD), nfd,
                "[{\"scheme\":\"INE\",\"value\":\"" + ine() + "\"}]")).statusCode(201)
                .body("name.given", equalTo("Éloïse")).body("name.family", equalTo(family))
                .extract().path("id");

        String suffix = family.substring(family.indexOf('-') + 1);
        for (String query : List.of(family, nfd, "daubigne " + suffix.toUpperCase(), "ELOISE d’aubigné " + suffix,
                Normalizer.normalize("Éloïse " + suffix, Normalizer.Form.NFD), suffix + " aubign")) {
            given().auth().oauth2(ADMIN).queryParam("name", query).when().get("/api/people")
                    .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
        given().auth().oauth2(ADMIN).queryParam("name", "Zoé " + suffix).when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("name", "%").queryParam("identifier", "none").when().get("/api/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aChineseNameIsFoundByItsCharactersAndPinyin() {
        var random = ThreadLocalRandom.current();
        String given = "" + (char) random.nextInt(0x4E00, 0x9FA5) + (char) random.nextInt(0x4E00, 0x9FA5);
        String pinyin = "Xi" + letters().toLowerCase();
        String id = register("""
                {"kind":"STUDENT","institution":"sjtu.edu.cn","name":{"given":"%s","family":"Wang"},
                 "chineseName":{"given":"%s","family":"王","givenPinyin":"%s","familyPinyin":"Wáng"},
                 "email":"wang@sjtusm.example","identifiers":[{"scheme":"SJTU_STUDENT_NUMBER","value":"%s"}]}"""
                .formatted(pinyin, given, pinyin, PersonApiTest.sjtuNumber())).statusCode(201).extract().path("id");
        for (String query : List.of("王" + given, given, "wang " + pinyin.toUpperCase())) {
            given().auth().oauth2(ADMIN).queryParam("name", query).when().get("/api/people")
                    .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
    }

    @Test
    void identifiersAndEmailsAreStoredAndFoundInOneForm() {
        String ine = ine();
        String id = register("""
                {"kind":"STUDENT","institution":"u-paris.fr","name":{"given":"Zoë","family":"Lefèvre"},
                 "email":"Zoe.Lefevre@U-Paris.example","identifiers":[{"scheme":"INE","value":" %s "}]}"""
                .formatted(ine.toLowerCase())).statusCode(201)
                .body("identifiers[0].value", equalTo(ine))
                .body("email", equalTo("zoe.lefevre@u-paris.example"))
                .extract().path("id");
        String fullWidth = Normalizer.normalize(ine, Normalizer.Form.NFKC).chars()
                .mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
        for (String typed : List.of(ine.toLowerCase(), " " + ine + " ", fullWidth)) {
            given().auth().oauth2(ADMIN).queryParam("identifier", typed).when().get("/api/people")
                    .then().statusCode(200).body("items.id", equalTo(List.of(id)));
            given().auth().oauth2(ADMIN).queryParam("identifier", typed).queryParam("scheme", "INE").when().get("/api/people")
                    .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
        register(PersonApiTest.eloise(ine.toLowerCase())).statusCode(409);
    }

    /** Letters that make a name no other test uses. */
    private static String letters() {
        var random = ThreadLocalRandom.current();
        var name = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
