package org.passerelle.mobility.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.MultiPartSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.ChangeFeedReader;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A French summer trainee's papers, over HTTP against the real database and broker: the checklist from the
 * session's catalogue item, uploads, review by the side each line names, the start that waits, the exception.
 */
@QuarkusTest
class DocumentsApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String SJTUSM = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String INSURANCE = "{\"kind\":\"HEALTH_INSURANCE\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}";
    static final String HEPATITIS_B = "{\"kind\":\"HEPATITIS_B_VACCINATION\",\"validForWholeStay\":false,\"checkedBy\":\"SENDING\"}";

    @Inject
    EntityManager entityManager;

    /** A Lyon 1 summer trainee asking for a session that requires an insurance (checked by SJTUSM) and a vaccination (by Lyon 1). */
    record Trainee(String mobilityId, String token, UUID session) {
    }

    Trainee trainee() throws Exception {
        UUID session = CatalogueRequirements.sessionRequiring(entityManager, INSURANCE, HEPATITIS_B);
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 50, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@etu.univ-lyon1.fr";
        String id = given().auth().oauth2(LYON1).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                         "plannedDeparture":"2027-07-30","person":{"givenName":"Camille","familyName":"Roux","email":"%s",
                         "ine":"123456789AB"},"requestedSessions":["%s"]}""".formatted(agreement, summer.id(), email, session))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        return new Trainee(id, AgreementsInForce.studentToken("univ-lyon1.fr", email), session);
    }

    @Test
    void aSummerTraineeCannotStartUntilEveryPaperIsAcceptedAndValidForTheStay() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        given().auth().oauth2(trainee.token()).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("lines.requirement", contains("HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION"))
                .body("lines.checkedBy", contains("RECEIVING", "SENDING"))
                .body("lines.status", contains("MISSING", "MISSING"));
        given().auth().oauth2(SJTUSM).header("If-Match", etag(id)).when().post("/api/mobilities/{id}/acceptance", id)
                .then().statusCode(200);
        arrival(id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:checklist-incomplete"))
                .body("lines.requirement", contains("HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION"));

        var receivingFeed = new ChangeFeedReader(SJTUSM, "/api/mobilities/documents/changes");
        var parisFeed = new ChangeFeedReader(PARIS, "/api/mobilities/documents/changes");
        String feedCursor = receivingFeed.now();
        String parisCursor = parisFeed.now();
        byte[] insurance = SampleFiles.pdf("Camille Roux - assurance");
        String shortInsurance = upload(trainee.token(), id, "HEALTH_INSURANCE", "2027-06-01", "2027-07-20",
                file("attestation-assurance.pdf", insurance, "application/pdf")).then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1)).body("mediaType", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256(insurance))).body("sizeBytes", equalTo(insurance.length))
                .extract().path("id");
        review(LYON1, id, shortInsurance, null).then().statusCode(403)
                .body("type", equalTo("urn:passerelle:problem:not-reviewing-side"));
        review(SJTUSM, id, shortInsurance, null).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        var reviewed = receivingFeed.read(feedCursor, shortInsurance);
        assertEquals(List.of("ACCEPTED"), reviewed.each("status"), "handed in and accepted before the read: it comes once");
        assertEquals(List.of(id), reviewed.each("mobilityId"));
        assertEquals(List.of(), receivingFeed.read(reviewed.cursor(), shortInsurance).items(), "a change comes once");
        assertEquals(List.of(), parisFeed.read(parisCursor, shortInsurance).items(), "Paris is not a party");

        String blurred = upload(trainee.token(), id, "HEPATITIS_B_VACCINATION", null, null,
                file("carnet.png", SampleFiles.png(), "image/png")).then().statusCode(201).extract().path("id");
        review(LYON1, id, blurred, "Photo illisible : scannez la page du carnet").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(trainee.token()).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("lines[1].status", equalTo("REJECTED")).body("lines[1].reason", equalTo("Photo illisible : scannez la page du carnet"));
        String vaccination = upload(trainee.token(), id, "HEPATITIS_B_VACCINATION", null, null,
                file("carnet-scan.pdf", SampleFiles.pdf("hepatite B"), "application/pdf")).then().statusCode(201)
                .body("version", equalTo(2)).extract().path("id");
        review(LYON1, id, vaccination, null).then().statusCode(200);
        review(LYON1, id, blurred, null).then().statusCode(409).body("type", equalTo("urn:passerelle:problem:document-not-submitted"));

        // every line accepted, but the insurance ends ten days before the planned departure
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}/checklist", id).then().body("complete", equalTo(true));
        arrival(id).then().statusCode(409).body("lines.requirement", contains("HEALTH_INSURANCE"))
                .body("lines[0].validUntil", equalTo("2027-07-20"));
        String insuranceForTheStay = upload(LYON1, id, "HEALTH_INSURANCE", "2027-06-01", "2027-12-31",
                file("attestation-assurance-2.pdf", SampleFiles.pdf("prolongée"), "application/pdf")).then().statusCode(201)
                .extract().path("id");
        review(SJTUSM, id, insuranceForTheStay, null).then().statusCode(200);
        arrival(id).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        given().auth().oauth2(trainee.token()).when().get("/api/mobilities/{id}/documents", id).then().statusCode(200)
                .body("requirement", contains("HEALTH_INSURANCE", "HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION", "HEPATITIS_B_VACCINATION"))
                .body("version", contains(1, 2, 1, 2)).body("current", contains(false, true, false, true))
                .body("status", contains("ACCEPTED", "ACCEPTED", "REJECTED", "ACCEPTED"));
        byte[] downloaded = given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}/documents/{d}/content", id, shortInsurance)
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''attestation-assurance.pdf"))
                .extract().asByteArray();
        assertArrayEquals(insurance, downloaded);
        given().auth().oauth2(PARIS).when().get("/api/mobilities/{id}/documents/{d}/content", id, shortInsurance).then().statusCode(404);
        given().auth().oauth2(PARIS).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(404);

        assertEquals(List.of("ChecklistCompleted", "DocumentAccepted", "DocumentRejected", "DocumentSubmitted"),
                eventTypes(id).stream().filter(t -> t.startsWith("Document") || t.startsWith("Checklist")).distinct().sorted().toList());
        assertEquals(4, eventTypes(id).stream().filter("DocumentSubmitted"::equals).count());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from outbox_event where type = 'passerelle.mobility.PersonalDataRead.v1'
                and payload ->> 'resource' = 'GET /api/mobilities/{id}/documents/{documentId}/content'""").getSingleResult()).intValue()) > 0,
                "the download is audited");
    }

    @Test
    void aWrongFileIsRefusedAsAProblemAndNothingIsStored() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        upload(LYON1, id, "HEALTH_INSURANCE", null, null, file("assurance.pdf", SampleFiles.executable(), "application/pdf"))
                .then().statusCode(415).contentType("application/problem+json").body("type", equalTo("urn:passerelle:problem:document-type"));
        upload(LYON1, id, "HEALTH_INSURANCE", null, null, file("assurance.pdf", SampleFiles.notAPdf(), "application/pdf"))
                .then().statusCode(415).body("type", equalTo("urn:passerelle:problem:document-type"));
        upload(LYON1, id, "HEALTH_INSURANCE", null, null, file("vide.pdf", new byte[0], "application/pdf"))
                .then().statusCode(400).body("errors.field", contains("file"));
        upload(LYON1, id, "HEALTH_INSURANCE", null, null, file(SampleFiles.pdfOfSize(Documents.MAX_BYTES + 1), "grand.pdf"))
                .then().statusCode(413).body("type", equalTo("urn:passerelle:problem:document-too-large"));
        upload(LYON1, id, "HEALTH_INSURANCE", null, null, file(SampleFiles.pdfOfSize(11L * 1024 * 1024), "trop-grand.pdf"))
                .then().statusCode(413).contentType("application/problem+json");
        for (String name : List.of("../../assurance.pdf", "dossier\\assurance.pdf", "a".repeat(296) + ".pdf")) {
            upload(LYON1, id, "HEALTH_INSURANCE", null, null, file(name, SampleFiles.pdf("x"), "application/pdf"))
                    .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:validation")).body("errors.field", contains("file"));
        }
        upload(LYON1, id, "VISA", null, null, file("visa.pdf", SampleFiles.pdf("visa"), "application/pdf"))
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:not-on-checklist"));
        upload(PARIS, id, "HEALTH_INSURANCE", null, null, file("assurance.pdf", SampleFiles.pdf("x"), "application/pdf"))
                .then().statusCode(404);
        given().auth().oauth2(LYON1).header("If-Match", etag(id)).contentType("application/json").body("{\"reason\":\"Désistement\"}")
                .when().post("/api/mobilities/{id}/cancellation", id).then().statusCode(200);
        upload(trainee.token(), id, "HEALTH_INSURANCE", null, null, file("assurance.pdf", SampleFiles.pdf("x"), "application/pdf"))
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:mobility-status"));
        assertEquals(0, count("select count(*) from document where mobility_id = cast(?1 as uuid)", id));
        assertEquals(0, count("""
                select count(*) from document_content c where not exists (select 1 from document d where d.id = c.document_id)""", null));
    }

    @Test
    void theInternationalOfficeMayLetAMobilityStartWithItsReasonRecorded() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        given().auth().oauth2(SJTUSM).header("If-Match", etag(id)).when().post("/api/mobilities/{id}/acceptance", id).then().statusCode(200);
        given().auth().oauth2(SJTUSM).contentType("application/json").body("{\"reason\":\"Vu au bureau\"}")
                .when().post("/api/mobilities/{id}/checklist/exception", id).then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\":\"Attestation vue sur papier au bureau international\"}")
                .when().post("/api/mobilities/{id}/checklist/exception", id).then().statusCode(200)
                .body("startException.reason", equalTo("Attestation vue sur papier au bureau international"))
                .body("lines.status", contains("MISSING", "MISSING"));
        arrival(id).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        assertEquals("[\"HEALTH_INSURANCE\", \"HEPATITIS_B_VACCINATION\"]", QuarkusTransaction.requiringNew().call(() ->
                (String) entityManager.createNativeQuery("""
                        select cast(payload -> 'unmetRequirements' as text) from outbox_event
                        where aggregate_id = ?1 and type = 'passerelle.mobility.ChecklistExceptionRecorded.v1'""")
                        .setParameter(1, id).getSingleResult()));
    }

    @Test
    void aChangedRequirementOfTheCatalogueOrOfTheReceivingInstitutionReachesTheChecklist() throws Exception {
        var trainee = trainee();
        CatalogueRequirements.change(entityManager, trainee.session(), INSURANCE,
                "{\"kind\":\"VISA\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}");
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}/checklist", trainee.mobilityId()).then().statusCode(200)
                .body("lines.requirement", contains("HEALTH_INSURANCE", "VISA"));

        // an institution no other test receives at: its requirement reaches every mobility it receives
        var outbound = AgreementsInForce.condition("sjtu.edu.cn", "jmc-school-5.example", "SUMMER_TRAINING", 50, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "jmc-school-5.example", outbound);
        String id = given().auth().oauth2(SJTUSM).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                         "plannedDeparture":"2027-07-30","person":{"givenName":"Wei","familyName":"Zhang","email":"wei.zhang.%s@sjtu.edu.cn",
                         "studentNumber":"520031910042"},"requestedSessions":[]}""".formatted(agreement, outbound.id(), UUID.randomUUID()))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200).body("lines", hasSize(0));
        given().auth().oauth2(LYON1).contentType("application/json").body("{}")
                .when().put("/api/mobilities/institution-requirements/jmc-school-5.example/LIABILITY_INSURANCE").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"checkedBy\":\"SENDING\"}")
                .when().put("/api/mobilities/institution-requirements/jmc-school-5.example/LIABILITY_INSURANCE").then().statusCode(200)
                .body("validForWholeStay", equalTo(true)).body("checkedBy", equalTo("SENDING"));
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("lines.requirement", contains("LIABILITY_INSURANCE")).body("lines[0].document", nullValue());
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/institution-requirements?institution=jmc-school-5.example")
                .then().statusCode(200).body("kind", contains("LIABILITY_INSURANCE"));
        given().auth().oauth2(ADMIN).when().delete("/api/mobilities/institution-requirements/jmc-school-5.example/LIABILITY_INSURANCE")
                .then().statusCode(204);
        assertEquals(0, count("select count(*) from checklist_line where mobility_id = cast(?1 as uuid)", id));
    }

    @Test
    void whatAnAgreementAsksOfEveryMobilityUnderItReachesTheirChecklistsAndIsSetByItsParties() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        String agreement = given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", id).then().extract().path("agreementId");
        String requirements = "/api/mobilities/agreements/" + agreement + "/requirements";
        given().auth().oauth2(PARIS).contentType("application/json").body("{}").when().put(requirements + "/LIABILITY_INSURANCE")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(LYON1).contentType("application/json").body("{\"checkedBy\":\"SENDING\"}")
                .when().put(requirements + "/LIABILITY_INSURANCE").then().statusCode(200)
                .body("validForWholeStay", equalTo(true)).body("checkedBy", equalTo("SENDING"));
        given().auth().oauth2(trainee.token()).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("lines.requirement", contains("HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION", "LIABILITY_INSURANCE"))
                .body("lines[2].checkedBy", equalTo("SENDING")).body("lines[2].status", equalTo("MISSING"));
        given().auth().oauth2(SJTUSM).when().get(requirements).then().statusCode(200).body("kind", contains("LIABILITY_INSURANCE"));
        given().auth().oauth2(SJTUSM).when().delete(requirements + "/LIABILITY_INSURANCE").then().statusCode(204);
        given().auth().oauth2(SJTUSM).when().delete(requirements + "/LIABILITY_INSURANCE").then().statusCode(404);
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("lines.requirement", contains("HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION"));
    }

    @Test
    void theSignedLearningAgreementIsBoundToTheContentHashOfItsVersionAndDownloadedByTheParties() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        String agreement = "/api/mobilities/" + id + "/learning-agreement";
        String hash = given().auth().oauth2(trainee.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body("""
                        {"components":[{"sessionId":"%s","title":"Stage d'été – 暑期实习","ects":3,"ectsPerChineseCredit":1.5}]}"""
                        .formatted(trainee.session()))
                .when().post(agreement + "/proposals").then().statusCode(201).extract().path("pending.contentHash");
        for (String token : List.of(trainee.token(), LYON1, SJTUSM)) {
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                    .when().post(agreement + "/approvals").then().statusCode(200);
        }
        byte[] signed = SampleFiles.pdf("contrat pédagogique signé");
        String otherHash = "0".repeat(64);
        signedCopy(LYON1, id, 1, otherHash, file("contrat-signe.pdf", signed, "application/pdf")).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:passerelle:problem:signed-copy-mismatch"))
                .body("detail", org.hamcrest.Matchers.containsString(hash));
        signedCopy(LYON1, id, 1, hash, file("contrat-signe.pdf", SampleFiles.png(), "application/pdf")).then().statusCode(415)
                .body("type", equalTo("urn:passerelle:problem:document-type"));
        signedCopy(LYON1, id, 2, hash, file("contrat-signe.pdf", signed, "application/pdf")).then().statusCode(404);
        signedCopy(PARIS, id, 1, hash, file("contrat-signe.pdf", signed, "application/pdf")).then().statusCode(404);
        given().auth().oauth2(trainee.token()).when().get(agreement + "/versions/1/signed-copy").then().statusCode(404);
        assertEquals(0, count("select count(*) from document where mobility_id = cast(?1 as uuid)", id));

        signedCopy(LYON1, id, 1, hash, file("contrat-signe.pdf", signed, "application/pdf")).then().statusCode(201)
                .body("requirement", equalTo("SIGNED_LEARNING_AGREEMENT")).body("signedContentHash", equalTo(hash))
                .body("sha256", equalTo(sha256(signed)));
        for (String token : List.of(trainee.token(), LYON1, SJTUSM)) {
            byte[] downloaded = given().auth().oauth2(token).when().get(agreement + "/versions/1/signed-copy").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertArrayEquals(signed, downloaded);
        }
        given().auth().oauth2(PARIS).when().get(agreement + "/versions/1/signed-copy").then().statusCode(404);
        String event = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                        select cast(payload as text) from outbox_event where aggregate_id = ?1
                        and type = 'passerelle.mobility.SignedLearningAgreementAttached.v1'""").setParameter(1, id).getSingleResult());
        assertEquals(List.of(), org.passerelle.devstack.testing.EventContracts.violations(
                "passerelle.mobility.SignedLearningAgreementAttached.v1", event));
    }

    @Inject
    ExpiryJob expiry;

    @Test
    void theDailyJobRemindsThirtyAndSevenDaysBeforeAnExpiryInsideTheStayAndThenExpiresTheDocument() throws Exception {
        var trainee = trainee();
        String id = trainee.mobilityId();
        String insurance = upload(trainee.token(), id, "HEALTH_INSURANCE", "2027-01-01", "2027-07-20",
                file("assurance.pdf", SampleFiles.pdf("x"), "application/pdf")).then().statusCode(201).extract().path("id");
        review(SJTUSM, id, insurance, null).then().statusCode(200);
        String vaccination = upload(trainee.token(), id, "HEPATITIS_B_VACCINATION", null, null,
                file("carnet.pdf", SampleFiles.pdf("x"), "application/pdf")).then().statusCode(201).extract().path("id");
        review(LYON1, id, vaccination, null).then().statusCode(200);

        expiry.run(java.time.LocalDate.of(2027, 6, 19));
        expiry.run(java.time.LocalDate.of(2027, 6, 20));
        expiry.run(java.time.LocalDate.of(2027, 6, 21));
        expiry.run(java.time.LocalDate.of(2027, 7, 13));
        assertEquals(List.of("30", "7"), QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select payload ->> 'daysBefore' from outbox_event where aggregate_id = ?1
                        and type = 'passerelle.mobility.DocumentExpiring.v1' order by position""").setParameter(1, id).getResultList()));
        expiry.run(java.time.LocalDate.of(2027, 7, 21));
        given().auth().oauth2(trainee.token()).when().get("/api/mobilities/{id}/checklist", id).then().statusCode(200)
                .body("lines.status", contains("EXPIRED", "ACCEPTED")).body("complete", equalTo(false));
        assertTrue(eventTypes(id).contains("DocumentExpired"));
    }

    private static io.restassured.response.Response upload(String token, String id, String requirement, String validFrom,
                                                           String validUntil, MultiPartSpecification file) {
        var request = given().auth().oauth2(token).multiPart("requirement", requirement).multiPart(file);
        if (validFrom != null) {
            request.multiPart("validFrom", validFrom);
        }
        if (validUntil != null) {
            request.multiPart("validUntil", validUntil);
        }
        return request.when().post("/api/mobilities/{id}/documents", id);
    }

    private static io.restassured.response.Response signedCopy(String token, String id, int version, String contentHash,
                                                               MultiPartSpecification file) {
        return given().auth().oauth2(token).multiPart("contentHash", contentHash).multiPart(file)
                .when().post("/api/mobilities/{id}/learning-agreement/versions/{n}/signed-copy", id, version);
    }

    private static MultiPartSpecification file(String name, byte[] content, String declaredType) {
        return new MultiPartSpecBuilder(content).controlName("file").fileName(name).mimeType(declaredType).build();
    }

    private static MultiPartSpecification file(Path content, String name) {
        return new MultiPartSpecBuilder(content.toFile()).controlName("file").fileName(name).mimeType("application/pdf").build();
    }

    private static io.restassured.response.Response review(String token, String id, String document, String rejection) {
        if (rejection == null) {
            return given().auth().oauth2(token).when().post("/api/mobilities/{id}/documents/{d}/acceptance", id, document);
        }
        return given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"" + rejection + "\"}")
                .when().post("/api/mobilities/{id}/documents/{d}/rejection", id, document);
    }

    private static io.restassured.response.Response arrival(String id) {
        return given().auth().oauth2(SJTUSM).header("If-Match", etag(id)).contentType("application/json").body("{\"on\":\"2027-07-05\"}")
                .when().post("/api/mobilities/{id}/arrival", id);
    }

    private static String etag(String id) {
        return given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    @SuppressWarnings("unchecked")
    private List<String> eventTypes(String mobilityId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select split_part(type, '.', 3) from outbox_event where aggregate_id = ?1 order by position""")
                .setParameter(1, mobilityId).getResultList());
    }

    private int count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            return ((Number) query.getSingleResult()).intValue();
        });
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
