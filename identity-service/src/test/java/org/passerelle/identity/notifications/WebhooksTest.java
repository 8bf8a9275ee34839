package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.runtime.health.DatabaseSchema;
import org.passerelle.devstack.testing.MailResource;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks as a partner sees them: signed deliveries of its own mobilities only, retried in order, replayed; and mail. */
@QuarkusTest
class WebhooksTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MOBILITY_TOPIC = "mobility.mobility.events";
    static final String NOMINATED = "passerelle.mobility.MobilityNominated.v1";
    static final String ACCEPTED = "passerelle.mobility.MobilityAccepted.v1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Readiness
    DatabaseSchema schema;

    @BeforeEach
    void schemaMigrated() {
        schema.awaitUpToDate();
    }

    @Test
    void aPartnerReceivesItsMobilitySignedAndAnotherInstitutionNothingOfIt() throws Exception {
        try (var lyon = new Receiver(0); var paris = new Receiver(0)) {
            var lyonSubscription = subscribe("univ-lyon1.fr", lyon.url(), null);
            var parisSubscription = subscribe("u-paris.fr", paris.url(), null);
            String mobility = UUID.randomUUID().toString();
            UUID event = TestEvents.send(MOBILITY_TOPIC, NOMINATED, mobility, mobilityData(NOMINATED, mobility, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> lyon.delivered().contains(event.toString()));
            var request = lyon.requests.get(lyon.requests.size() - 1);
            String expected = "v1," + WebhookRulesTest.independentHmac(lyonSubscription.secret(),
                    request.id() + "." + request.timestamp() + "." + request.body());
            assertEquals(expected, request.signature());
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())) < 60);
            JsonNode cloudEvent = JSON.readTree(request.body());
            assertEquals(event.toString(), cloudEvent.path("id").asText());
            assertEquals(NOMINATED, cloudEvent.path("type").asText());
            assertEquals(mobility, cloudEvent.path("data").path("mobilityId").asText());

            given().auth().oauth2(coordinator("univ-lyon1.fr")).when().get("/api/webhooks/subscriptions/{id}/deliveries", lyonSubscription.id())
                    .then().statusCode(200).body("items[0].eventId", equalTo(event.toString()))
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].lastStatusCode", equalTo(204));
            // Paris is no party: nothing was queued for it, nothing reached its receiver
            given().auth().oauth2(coordinator("u-paris.fr")).when().get("/api/webhooks/subscriptions/{id}/deliveries", parisSubscription.id())
                    .then().statusCode(200).body("totalItems", equalTo(0));
            assertTrue(paris.requests.stream().noneMatch(r -> r.body().contains(mobility)));
            // nor can it read Lyon's subscription or its log
            given().auth().oauth2(coordinator("u-paris.fr")).when().get("/api/webhooks/subscriptions/{id}/deliveries", lyonSubscription.id())
                    .then().statusCode(404);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsEveryEventOnceInTheOrderOfItsMobility() throws Exception {
        try (var receiver = new Receiver(3)) {
            var subscription = subscribe("univ-lyon1.fr", receiver.url(), List.of(NOMINATED, ACCEPTED));
            String mobility = UUID.randomUUID().toString();
            UUID nominated = TestEvents.send(MOBILITY_TOPIC, NOMINATED, mobility, mobilityData(NOMINATED, mobility, null));
            UUID accepted = TestEvents.send(MOBILITY_TOPIC, ACCEPTED, mobility, mobilityData(ACCEPTED, mobility, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 2);
            assertEquals(List.of(nominated.toString(), accepted.toString()), receiver.delivered());
            // the acceptance waited for the nomination: every failed attempt was the nomination's
            assertEquals(List.of(nominated.toString(), nominated.toString(), nominated.toString(), nominated.toString(),
                    accepted.toString()), receiver.requests.stream().map(Receiver.Request::id).toList());
            given().auth().oauth2(coordinator("univ-lyon1.fr")).queryParam("status", "DELIVERED")
                    .when().get("/api/webhooks/subscriptions/{id}/deliveries", subscription.id())
                    .then().statusCode(200).body("totalItems", equalTo(2))
                    .body("items[1].eventId", equalTo(nominated.toString())).body("items[1].attempts", equalTo(4))
                    .body("items[0].attempts", equalTo(1));

            // a replay since the nomination sends the acceptance again, with its own id
            given().auth().oauth2(coordinator("univ-lyon1.fr")).contentType("application/json")
                    .body(Map.of("sinceEventId", nominated.toString()))
                    .when().post("/api/webhooks/subscriptions/{id}/replay", subscription.id())
                    .then().statusCode(202).body("queued", equalTo(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 3);
            assertEquals(accepted.toString(), receiver.delivered().get(2));
        }
    }

    @Test
    void aReceiverThatNeverAnswersMarksTheSubscriptionFailingAndItsCoordinatorIsWritten() throws Exception {
        String institution = "univ-lyon1.fr";
        String coordinatorEmail = registerCoordinator(institution);
        try (var receiver = new Receiver(Integer.MAX_VALUE)) {
            var subscription = subscribe(institution, receiver.url(), List.of(ACCEPTED));
            String mobility = UUID.randomUUID().toString();
            TestEvents.send(MOBILITY_TOPIC, ACCEPTED, mobility, mobilityData(ACCEPTED, mobility, null));

            // the tests' retry period is 4 s (application.properties)
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    given().auth().oauth2(coordinator(institution)).when().get("/api/webhooks/subscriptions/{id}", subscription.id())
                            .then().statusCode(200).body("status", equalTo("FAILING")));
            given().auth().oauth2(coordinator(institution)).queryParam("status", "FAILED")
                    .when().get("/api/webhooks/subscriptions/{id}/deliveries", subscription.id())
                    .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].lastStatusCode", equalTo(500))
                    .body("items[0].lastAnswer", equalTo("receiver down")).body("items[0].nextAttemptAt", nullValue());
            assertTrue(receiver.requests.size() >= 3, "retried: " + receiver.requests.size());
            await().atMost(Duration.ofSeconds(20)).until(() -> MailResource.to(coordinatorEmail).stream()
                    .anyMatch(mail -> mail.subject().contains(receiver.url()) && mail.body().contains(subscription.id().toString())));
        }
    }

    @Test
    void pingShowsTheReceiversAnswer() throws Exception {
        try (var receiver = new Receiver(0)) {
            var subscription = subscribe("sjtu.edu.cn", receiver.url(), null);
            given().auth().oauth2(coordinator("sjtu.edu.cn")).when().post("/api/webhooks/subscriptions/{id}/ping", subscription.id())
                    .then().statusCode(200).body("delivered", equalTo(true)).body("statusCode", equalTo(204));
            assertEquals(1, receiver.requests.size());
            assertTrue(receiver.requests.get(0).body().contains("passerelle.identity.WebhookPing.v1"));
        }
        // after a rotation both secrets sign for the grace period
        var subscription = subscribe("sjtu.edu.cn", "http://127.0.0.1:9/hooks", null);
        given().auth().oauth2(coordinator("sjtu.edu.cn")).when().post("/api/webhooks/subscriptions/{id}/secret-rotation", subscription.id())
                .then().statusCode(200).body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(coordinator("sjtu.edu.cn")).when().post("/api/webhooks/subscriptions/{id}/ping", subscription.id())
                .then().statusCode(200).body("delivered", equalTo(false)).body("statusCode", nullValue());
        given().auth().oauth2(coordinator("sjtu.edu.cn")).when().get("/api/webhooks/subscriptions/{id}", subscription.id())
                .then().statusCode(200).body("secret", nullValue());
    }

    @Test
    void badSubscriptionsAndReplaysAreRefusedNamingTheField() {
        String lyon = coordinator("univ-lyon1.fr");
        refused(lyon, Map.of("url", "ftp://example.org/hooks"), "url");
        refused(lyon, Map.of("url", "http://127.0.0.1/hooks", "eventTypes", List.of("passerelle.mobility.Teleported.v1")), "eventTypes[0]");
        refused(lyon, Map.of("url", "http://127.0.0.1/hooks", "institution", "u-paris.fr"), "institution");
        refused(TestTokens.of("admin", "sjtu.edu.cn"), Map.of("url", "http://127.0.0.1/hooks", "institution", "nowhere.example"), "institution");

        var subscription = subscribe("univ-lyon1.fr", "http://127.0.0.1:9/hooks", null);
        given().auth().oauth2(lyon).contentType("application/json").body(Map.of("since", Instant.now().minus(Duration.ofDays(31)).toString()))
                .when().post("/api/webhooks/subscriptions/{id}/replay", subscription.id())
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("since"));
        given().auth().oauth2(lyon).contentType("application/json").body(Map.of("sinceEventId", UUID.randomUUID().toString()))
                .when().post("/api/webhooks/subscriptions/{id}/replay", subscription.id())
                .then().statusCode(400).body("errors.field", hasItem("sinceEventId"));
    }

    @Test
    void bothCoordinatorsAreWrittenOnANominationInTheirLanguageAndTheStudentOnAcceptance() throws Exception {
        String lyon = registerCoordinator("univ-lyon1.fr");
        String sjtu = registerCoordinator("sjtu.edu.cn");
        UUID student = UUID.randomUUID();
        String studentEmail = insertPerson(student, "STUDENT", "univ-lyon1.fr");
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(MOBILITY_TOPIC, NOMINATED, mobility, mobilityData(NOMINATED, mobility, student));
        await().atMost(Duration.ofSeconds(30)).until(() -> !MailResource.to(lyon).isEmpty() && !MailResource.to(sjtu).isEmpty());
        assertTrue(MailResource.to(lyon).get(0).subject().startsWith("Nomination : mobilité SUMMER_TRAINING"), MailResource.to(lyon).get(0).subject());
        assertTrue(MailResource.to(sjtu).get(0).subject().startsWith("提名"), MailResource.to(sjtu).get(0).subject());
        assertTrue(MailResource.to(studentEmail).isEmpty(), "the student is written on acceptance only");

        TestEvents.send(MOBILITY_TOPIC, ACCEPTED, mobility, mobilityData(ACCEPTED, mobility, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !MailResource.to(studentEmail).isEmpty());
        assertTrue(MailResource.to(studentEmail).get(0).body().contains(mobility));

        // an erased person (no record any more) is never written to
        String other = UUID.randomUUID().toString();
        UUID erased = UUID.randomUUID();
        TestEvents.send(MOBILITY_TOPIC, NOMINATED, other, mobilityData(NOMINATED, other, erased));
        TestEvents.send(MOBILITY_TOPIC, ACCEPTED, other, mobilityData(ACCEPTED, other, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> MailResource.to(lyon).stream().anyMatch(m -> m.body().contains(other)
                && m.subject().startsWith("Acceptée")));
        assertEquals(0, count("select count(*) from outgoing_mail where person_id = ?", erased));
    }

    @Test
    void theStudentAndBothCoordinatorsAreWrittenWhenADocumentIsRejectedOrExpiresSoon() throws Exception {
        String lyon = registerCoordinator("univ-lyon1.fr");
        String sjtu = registerCoordinator("sjtu.edu.cn");
        UUID student = UUID.randomUUID();
        String studentEmail = insertPerson(student, "STUDENT", "univ-lyon1.fr");
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(MOBILITY_TOPIC, NOMINATED, mobility, mobilityData(NOMINATED, mobility, student));
        // the document events name the mobility only: its parties and student are those its nomination named
        TestEvents.send(MOBILITY_TOPIC, "passerelle.mobility.DocumentRejected.v1", mobility, JSON.writeValueAsString(Map.of(
                "documentId", UUID.randomUUID().toString(), "mobilityId", mobility, "requirement", "HEPATITIS_B_VACCINATION",
                "version", 1, "reason", "Photo illisible : scannez la page du carnet", "rejectedAt", Instant.now().toString())));
        TestEvents.send(MOBILITY_TOPIC, "passerelle.mobility.DocumentExpiring.v1", mobility, JSON.writeValueAsString(Map.of(
                "documentId", UUID.randomUUID().toString(), "mobilityId", mobility, "requirement", "HEALTH_INSURANCE",
                "validUntil", "2027-07-20", "daysBefore", 7, "sendingInstitution", "univ-lyon1.fr",
                "receivingInstitution", "sjtu.edu.cn", "plannedDeparture", "2027-07-30")));
        await().atMost(Duration.ofSeconds(30)).until(() -> MailResource.to(studentEmail).size() == 2
                && MailResource.to(lyon).stream().filter(m -> m.body().contains(mobility)).count() == 3
                && MailResource.to(sjtu).stream().filter(m -> m.body().contains(mobility) || m.subject().contains(mobility)).count() == 3);
        var toStudent = MailResource.to(studentEmail);
        assertTrue(toStudent.stream().anyMatch(m -> m.subject().startsWith("Document refusé : HEPATITIS_B_VACCINATION")
                && m.body().contains("Photo illisible : scannez la page du carnet")), toStudent.toString());
        assertTrue(toStudent.stream().anyMatch(m -> m.subject().startsWith("HEALTH_INSURANCE expire dans 7 jours")
                && m.body().contains("2027-07-20")), toStudent.toString());
        assertTrue(MailResource.to(sjtu).stream().anyMatch(m -> m.subject().startsWith("文件被退回")), MailResource.to(sjtu).toString());
    }

    @Test
    void aProposedLearningAgreementIsMailedToThoseWhoseApprovalItAwaits() throws Exception {
        String lyon = registerCoordinator("univ-lyon1.fr");
        String sjtu = registerCoordinator("sjtu.edu.cn");
        UUID student = UUID.randomUUID();
        String studentEmail = insertPerson(student, "STUDENT", "univ-lyon1.fr");
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(MOBILITY_TOPIC, NOMINATED, mobility, mobilityData(NOMINATED, mobility, student));
        // Lyon's coordinator already approved: the student and SJTUSM's coordinators are asked
        TestEvents.send(MOBILITY_TOPIC, "passerelle.mobility.LearningAgreementProposed.v1", mobility, JSON.writeValueAsString(Map.of(
                "mobilityId", mobility, "academicYear", "2027/2028", "sendingInstitution", "univ-lyon1.fr",
                "receivingInstitution", "sjtu.edu.cn", "versionNumber", 2, "contentHash", "a".repeat(64),
                "awaiting", List.of("STUDENT", "RECEIVING_COORDINATOR"), "proposedAt", Instant.now().toString())));

        await().atMost(Duration.ofSeconds(30)).until(() -> !MailResource.to(studentEmail).isEmpty()
                && MailResource.to(sjtu).stream().anyMatch(m -> m.subject().startsWith("待审批的学习协议")));
        var asked = MailResource.to(sjtu).stream().filter(m -> m.subject().startsWith("待审批的学习协议")).toList();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).body().contains(mobility) && asked.get(0).body().contains("第 2 版"), asked.get(0).body());
        // the student studies at Lyon 1: in French
        assertEquals("Votre contrat d'études pour sjtu.edu.cn attend votre approbation", MailResource.to(studentEmail).get(0).subject());
        assertTrue(MailResource.to(lyon).stream().noneMatch(m -> m.subject().startsWith("Contrat d'études")),
                "Lyon's approval is not awaited");
    }

    record Created(UUID id, String secret) {
    }

    private Created subscribe(String institution, String url, List<String> types) {
        var body = new java.util.HashMap<String, Object>(Map.of("url", url));
        if (types != null) {
            body.put("eventTypes", types);
        }
        var answer = given().auth().oauth2(coordinator(institution)).contentType("application/json").body(body)
                .when().post("/api/webhooks/subscriptions").then().statusCode(201)
                .body("institution", equalTo(institution)).body("status", equalTo("HEALTHY")).extract();
        return new Created(UUID.fromString(answer.path("id")), answer.path("secret"));
    }

    private static void refused(String token, Map<String, Object> body, String field) {
        given().auth().oauth2(token).contentType("application/json").body(body).when().post("/api/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static String coordinator(String institution) {
        return TestTokens.of("coordinator", institution);
    }

    private static String mobilityData(String type, String mobility, UUID person) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("mobilityId", mobility);
        data.put("agreementId", UUID.randomUUID().toString());
        data.put("conditionId", UUID.randomUUID().toString());
        data.put("academicYear", "2027/2028");
        data.put("mobilityType", "SUMMER_TRAINING");
        data.put("sendingInstitution", "univ-lyon1.fr");
        data.put("receivingInstitution", "sjtu.edu.cn");
        if (type.equals(NOMINATED)) {
            data.put("personId", (person == null ? UUID.randomUUID() : person).toString());
            data.put("plannedArrival", "2027-07-05");
            data.put("plannedDeparture", "2027-07-30");
            data.put("requestedSessions", List.of());
            data.put("nominatedAt", Instant.now().toString());
        } else {
            data.put("acceptedAt", Instant.now().toString());
        }
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A coordinator with an active account (accounts are provisioned in Keycloak; here the rows alone). */
    private String registerCoordinator(String institution) throws Exception {
        UUID person = UUID.randomUUID();
        String email = insertPerson(person, "STAFF", institution);
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                insert into account (id, person_id, username, role, institution_code, keycloak_user_id, status)
                values (?, ?, ?, 'COORDINATOR', ?, ?, 'ACTIVE')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, person);
            insert.setString(3, "coordinator-" + person);
            insert.setString(4, institution);
            insert.setString(5, person.toString());
            insert.executeUpdate();
        }
        return email;
    }

    private String insertPerson(UUID id, String kind, String institution) throws Exception {
        String email = "p" + id.toString().substring(0, 8) + "@" + institution;
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                insert into person (id, kind, institution_code, given_name, family_name, email) values (?, ?, ?, 'Camille', 'Test', ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, kind);
            insert.setString(3, institution);
            insert.setString(4, email);
            insert.executeUpdate();
        }
        return email;
    }

    private long count(String sql, Object parameter) throws Exception {
        try (var c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
