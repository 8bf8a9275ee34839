package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.mobility.AgreementsInForce;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.passerelle.mobility.api.NominationTest.LYON1;

/** CSV as spreadsheets write it; names in one Unicode form and searchable; identifiers in one form. */
@QuarkusTest
class NominationTextTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String HEADER = "agreementId;conditionId;academicYear;plannedArrival;plannedDeparture;givenName;familyName;"
            + "chineseName;email;ine\r\n";

    @Inject
    EntityManager entityManager;

    @Test
    void aFileSavedByFrenchExcelIsReadWithItsAccentsAndOnlyItsBadRowIsRefused() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String family = "Lefèvre-" + letters();
        String csv = "sep=;\r\n" + HEADER
                + row(agreement, summer.id(), "05/07/2027", "Zoë", family, "123456789ab")
                + row(agreement, summer.id(), "31/02/2027", "François", "Çelik", "987654321CD")
                + ";;;;;;;;;\r\n"
                + row(agreement, summer.id(), "2027-07-06", "Éloïse", "D’Aubigné", "1234567890Z")
                + "\r\n";
        String batch = given().auth().oauth2(LYON1).contentType("text/csv").body(csv.getBytes(WINDOWS_1252))
                .when().post("/api/mobilities/bulk")
                .then().statusCode(201)
                .body("created", equalTo(2)).body("refused", equalTo(1))
                .body("rows.outcome", equalTo(List.of("CREATED", "REFUSED", "CREATED")))
                .body("rows[1].problem.errors[0].field", equalTo("plannedArrival"))
                .body("rows[1].problem.errors[0].reason", equalTo("line 4: 31/02/2027 is not a date: write dd/mm/yyyy or yyyy-mm-dd"))
                .extract().path("batchId");
        given().auth().oauth2(LYON1).queryParam("batch", batch).queryParam("name", "zoe " + family.toUpperCase())
                .when().get("/api/mobilities")
                .then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].person.givenName", equalTo("Zoë"))
                .body("items[0].person.familyName", equalTo(family))
                .body("items[0].person.ine", equalTo("123456789AB"))
                .body("items[0].plannedArrival", equalTo("2027-07-05"));
    }

    @Test
    void theDeclaredCharsetIsHonouredAndBytesThatDoNotDecodeAreRefusedWithTheirLine() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String csv = HEADER.replace(';', ',') + row(agreement, summer.id(), "05/07/2027", "Zoë", "Lefèvre", "123456789AB").replace(';', ',');
        given().auth().oauth2(LYON1).contentType("text/csv; charset=windows-1252").body(csv.getBytes(WINDOWS_1252))
                .when().post("/api/mobilities/bulk")
                .then().statusCode(201).body("created", equalTo(1));

        given().auth().oauth2(LYON1).contentType("text/csv; charset=UTF-8").body(csv.getBytes(WINDOWS_1252))
                .when().post("/api/mobilities/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:bad-csv"))
                .body("errors[0].field", equalTo("charset"))
                .body("errors[0].reason", startsWith("line 2 holds bytes that are not UTF-8"));
        given().auth().oauth2(LYON1).contentType("text/csv").header("Accept-Language", "fr").body("agreementId|conditionId\nx|y\n")
                .when().post("/api/mobilities/bulk")
                .then().statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:bad-csv"))
                .body("errors[0].field", equalTo("separator"))
                .body("errors[0].reason", containsString("n'est pas séparée par ; , ou une tabulation"));
    }

    @Test
    void aNameSentDecomposedIsStoredComposedAndFoundByItsTwin() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String family = "D'Aubigné-" + letters();
        String body = NominationTest.nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", " 123456789ab ")
                .replace("\"Éloïse\"", "\"" + Normalizer.normalize("Éloïse", Normalizer.Form.NFD) + "\"")
                .replace("\"D'Aubigné\"", "\"" + Normalizer.normalize(family, Normalizer.Form.NFD) + "\"")
                .replace("\"eloise.", "\"Eloise.");
        String id = given().auth().oauth2(LYON1).contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/mobilities")
                .then().statusCode(201)
                .body("person.givenName", equalTo("Éloïse"))
                .body("person.familyName", equalTo(family))
                .body("person.ine", equalTo("123456789AB"))
                .body("person.email", startsWith("eloise."))
                .extract().path("id");
        for (String query : List.of(family, Normalizer.normalize(family, Normalizer.Form.NFD), "ELOISE DAUBIGNE " + family.substring(10),
                "d’aubigne-" + family.substring(10).toLowerCase())) {
            given().auth().oauth2(LYON1).queryParam("name", query).when().get("/api/mobilities")
                    .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
    }

    private static String row(UUID agreement, UUID condition, String arrival, String given, String family, String ine) {
        return String.join(";", agreement.toString(), condition.toString(), "2026/2027", arrival, "30/07/2027", given,
                family, "", given.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 6) + "@etu.univ-lyon1.fr", ine) + "\r\n";
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
