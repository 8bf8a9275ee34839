package org.passerelle.agreements.ewp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.devstack.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EWP exchange over HTTP: export to the parties, the index of changes, import as a draft, and bad files. */
@QuarkusTest
class EwpApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Inject
    AgreementRepository agreements;

    @Inject
    EntityManager entityManager;

    static final String DRAFT = """
            {"kind":"BILATERAL_EXCHANGE",
             "title":{"fr":"Accord SJTUSM - Lyon 1","en":"SJTUSM - Lyon 1 agreement","zh":"上海交大医学院-里昂一大协议"},
             "parties":["sjtu.edu.cn","univ-lyon1.fr"],"signedOn":"2025-11-20","firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030",
             "conditions":[
               {"sendingInstitution":"sjtu.edu.cn","receivingInstitution":"univ-lyon1.fr","mobilityType":"CLINICAL_INTERNSHIP_MID",
                "placesPerYear":10,"firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","minimumDays":30,"maximumDays":90,
                "eqfLevel":7,"iscedCode":"0912","language":"fr","cefrLevel":"B2"},
               {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn","mobilityType":"STAFF_TEACHING",
                "placesPerYear":2,"firstAcademicYear":"2026/2027","lastAcademicYear":"2028/2029","staffDaysPerYear":10,
                "language":"en","cefrLevel":"C1"}]}""";

    String activeLyonAgreement() {
        String id = given().auth().oauth2(LYON1).contentType("application/json").body(DRAFT)
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id).then().extract().header("ETag");
        String hash = given().auth().oauth2(LYON1).header("If-Match", etag).when().post("/api/agreements/{id}/proposal", id)
                .then().statusCode(200).extract().path("contentHash");
        for (String token : List.of(LYON1, ADMIN)) {
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                    .when().post("/api/agreements/{id}/approvals", id).then().statusCode(200);
        }
        return id;
    }

    byte[] export(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/ewp/iias/{id}", id)
                .then().statusCode(200).contentType("application/xml").extract().asByteArray();
    }

    @Test
    void anAgreementIsExportedToItsPartiesValidAndWithItsHash() {
        String id = activeLyonAgreement();
        byte[] xml = export(LYON1, id);
        Iia iia = IiaXml.readGetResponse(xml).get(0);   // valid against get-response.xsd
        assertEquals(id, iia.partners().get(0).iiaId());
        assertEquals("sjtu.edu.cn", iia.partners().get(0).heiId());
        assertTrue(iia.inEffect());
        assertEquals(IiaHash.sha256(IiaHash.textsToHash(IiaXml.parse(xml, EwpSchemas.iiasGet())).get(0)), iia.iiaHash());

        given().auth().oauth2(PARIS).when().get("/api/ewp/iias/{id}", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
    }

    @Test
    void theIndexListsTheAgreementsChangedSinceAMoment() {
        Instant before = Instant.now().minusSeconds(1);
        String id = activeLyonAgreement();
        String index = given().auth().oauth2(LYON1).queryParam("modified_since", before.toString())
                .when().get("/api/ewp/iias").then().statusCode(200).contentType("application/xml").extract().asString();
        IiaXml.parse(index.getBytes(StandardCharsets.UTF_8), EwpSchemas.iiasIndex());
        assertTrue(index.contains("<iia-id>" + id + "</iia-id>"), index);
        given().auth().oauth2(LYON1).queryParam("modified_since", Instant.now().plusSeconds(3600).toString())
                .when().get("/api/ewp/iias").then().statusCode(200).body(not(containsString(id)));
        given().auth().oauth2(PARIS).when().get("/api/ewp/iias").then().statusCode(200).body(not(containsString(id)));
    }

    @Test
    void anImportIsADraftKeepingItsSourceAndTheSameFileTwiceChangesNothing() {
        String original = activeLyonAgreement();
        // the same IIA published with ids Passerelle does not know: a new agreement for Passerelle
        String partnerId = UUID.randomUUID().toString();
        byte[] file = new String(export(LYON1, original), StandardCharsets.UTF_8).replace(original, partnerId).getBytes(StandardCharsets.UTF_8);
        long before = agreements.count();
        String draft = given().auth().oauth2(LYON1).contentType("application/xml").body(file)
                .when().post("/api/ewp/iias/imports")
                .then().statusCode(201).body("replayed", equalTo(false)).body("drafts[0].partnerIiaId", equalTo(partnerId))
                .body("drafts[0].amendsVersion", nullValue()).body("drafts[0].changes", nullValue())
                .extract().path("drafts[0].agreementId");
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", draft).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("parties.institution", equalTo(List.of("sjtu.edu.cn", "univ-lyon1.fr")))
                .body("conditions.mobilityType", equalTo(List.of("CLINICAL_INTERNSHIP_MID", "STAFF_TEACHING")))
                .body("conditions[0].minimumDays", equalTo(30)).body("conditions[0].maximumDays", equalTo(90))
                .body("conditions[1].staffDaysPerYear", equalTo(10)).body("signedOn", equalTo("2025-11-20"));
        assertArrayEquals(file, given().auth().oauth2(LYON1).when().get("/api/ewp/iias/{id}/source", draft)
                .then().statusCode(200).extract().asByteArray());

        given().auth().oauth2(LYON1).contentType("application/xml").body(file).when().post("/api/ewp/iias/imports")
                .then().statusCode(200).body("replayed", equalTo(true)).body("drafts[0].agreementId", equalTo(draft));
        assertEquals(before + 1, agreements.count());

        given().auth().oauth2(PARIS).contentType("application/xml").body(file).when().post("/api/ewp/iias/imports")
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-a-party"));   // not a party, as for a new file
        given().auth().oauth2(LYON1).when().get("/api/ewp/iias/{id}/source", original)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:ewp-no-source"));

        // a later file of the same partner's IIA (its iia-id recorded above) revises that draft: no second draft
        byte[] revised = new String(file, StandardCharsets.UTF_8).replace("<mobilities-per-year>10<", "<mobilities-per-year>12<")
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(LYON1).contentType("application/xml").body(revised).when().post("/api/ewp/iias/imports")
                .then().statusCode(201).body("drafts[0].agreementId", equalTo(draft)).body("drafts[0].amendsVersion", equalTo(1))
                .body("drafts[0].changes.conditions[0].change", equalTo("CHANGED"))
                .body("drafts[0].changes.conditions[0].fields[0].field", equalTo("placesPerYear"));
        assertEquals(before + 1, agreements.count());
    }

    @Test
    void anExportImportedBackIsAProposedAmendmentShownAsADiffAndReimportingChangesNothing() {
        String original = activeLyonAgreement();
        long before = agreements.count();
        // the export as it is: it matches the agreement, nothing to amend
        given().auth().oauth2(LYON1).contentType("application/xml").body(export(LYON1, original)).when().post("/api/ewp/iias/imports")
                .then().statusCode(201).body("drafts[0].agreementId", equalTo(original)).body("drafts[0].amendsVersion", nullValue())
                .body("drafts[0].changes.fields", hasSize(0)).body("drafts[0].changes.conditions", hasSize(0));
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", original).then().statusCode(200).body("amendment", nullValue());

        byte[] file = new String(export(LYON1, original), StandardCharsets.UTF_8)
                .replace("<mobilities-per-year>10<", "<mobilities-per-year>14<").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(LYON1).contentType("application/xml").body(file).when().post("/api/ewp/iias/imports")
                .then().statusCode(201).body("drafts[0].agreementId", equalTo(original)).body("drafts[0].amendsVersion", equalTo(2))
                .body("drafts[0].changes.from", equalTo(1)).body("drafts[0].changes.to", equalTo(2))
                .body("drafts[0].changes.conditions", hasSize(1))
                .body("drafts[0].changes.conditions[0].change", equalTo("CHANGED"))
                .body("drafts[0].changes.conditions[0].fields[0].from", equalTo(10))
                .body("drafts[0].changes.conditions[0].fields[0].to", equalTo(14));
        assertEquals(before, agreements.count());
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", original).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("conditions[0].placesPerYear", equalTo(10));
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}/changes", original).then().statusCode(200)
                .body("conditions[0].fields[0].to", equalTo(14));

        // the same file again: nothing changes, the same answer
        given().auth().oauth2(LYON1).contentType("application/xml").body(file).when().post("/api/ewp/iias/imports")
                .then().statusCode(200).body("replayed", equalTo(true)).body("drafts[0].agreementId", equalTo(original))
                .body("drafts[0].amendsVersion", equalTo(2)).body("drafts[0].changes.conditions[0].fields[0].to", equalTo(14));
        // another file while the amendment is pending is refused, and creates nothing
        byte[] another = new String(file, StandardCharsets.UTF_8).replace("<mobilities-per-year>14<", "<mobilities-per-year>15<")
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(LYON1).contentType("application/xml").body(another).when().post("/api/ewp/iias/imports")
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:amendment-pending"));
        assertEquals(before, agreements.count());
    }

    @Test
    void theOfficialExampleImportsOnceItsInstitutionsAreKnown() {
        byte[] example = IiaFormatTest.example("get-response-example.xml");
        long before = agreements.count();
        given().auth().oauth2(ADMIN).contentType("application/xml").body(example).when().post("/api/ewp/iias/imports")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", hasItems("iia[1].partner[1].hei-id", "iia[1].partner[2].hei-id"))
                .body("errors[0].reason", containsString("uw.edu.pl"));
        assertEquals(before, agreements.count());

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into known_institution (schac_code, current_code, name_en) values
                ('uw.edu.pl', 'uw.edu.pl', 'University of Warsaw'), ('hibo.no', 'hibo.no', 'Hibo')
                on conflict do nothing""").executeUpdate());
        given().auth().oauth2(ADMIN).contentType("application/xml").body(example).when().post("/api/ewp/iias/imports")
                .then().statusCode(201).body("drafts[0].partnerIiaId", equalTo("0f7a5682-faf7-49a7-9cc7-ec486c49a281"))
                .body("drafts[0].iiaHash", equalTo("e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4"))
                .body("drafts[0].notKept", hasItems(containsString("EQF levels [7, 8]")));
        // a coordinator imports only what its institution is party to
        given().auth().oauth2(LYON1).contentType("application/xml")
                .body(new String(example, StandardCharsets.UTF_8).replace("983/E+/III14", "983/E+/III15"))
                .when().post("/api/ewp/iias/imports").then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-a-party"));
    }

    @Test
    void badFilesAreRefusedAndCreateNothing() {
        long before = agreements.count();
        given().auth().oauth2(ADMIN).contentType("application/xml").body(IiaFormatTest.BOMB).when().post("/api/ewp/iias/imports")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:passerelle:problem:ewp-doctype"));
        given().auth().oauth2(ADMIN).contentType("application/xml").body(IiaFormatTest.EXTERNAL_ENTITY).when().post("/api/ewp/iias/imports")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:ewp-doctype"));
        String invalid = new String(IiaFormatTest.example("get-response-example.xml"), StandardCharsets.UTF_8)
                .replace("<in-effect>true</in-effect>", "<in-effect>maybe</in-effect>");
        given().auth().oauth2(ADMIN).contentType("application/xml").body(invalid).when().post("/api/ewp/iias/imports")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:ewp-invalid-xml"))
                .body("errors[0].field", startsWith("line 45, column ")).body("errors[0].reason", containsString("maybe"));
        String blended = new String(IiaFormatTest.example("get-response-example.xml"), StandardCharsets.UTF_8)
                .replace("<blended>false</blended>", "<blended>true</blended>");
        given().auth().oauth2(ADMIN).contentType("application/xml").body(blended).when().post("/api/ewp/iias/imports")
                .then().statusCode(400).body("errors.field", hasItems("iia[1].cooperation-conditions.student-studies-mobility-spec[1].blended"));
        assertEquals(before, agreements.count());
    }

    @TestHTTPResource("/api/ewp/iias/imports")
    URI imports;

    @Test
    void aFileOf20MegabytesIsRefusedUnread() throws Exception {
        byte[] large = new byte[20 * 1024 * 1024];
        Arrays.fill(large, (byte) ' ');
        // sent without RestAssured, whose request log would print the 20 MB
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(imports)
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("urn:passerelle:problem:payload-too-large"), answer.body());
    }

    @Test
    void anAgreementOfThreePartiesHasNoIiaForm() {
        String id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(DRAFT.replace("\"parties\":[\"sjtu.edu.cn\",\"univ-lyon1.fr\"]", "\"parties\":[\"sjtu.edu.cn\",\"univ-lyon1.fr\",\"u-paris.fr\"]"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).when().get("/api/ewp/iias/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:ewp-not-bilateral"));
    }
}
