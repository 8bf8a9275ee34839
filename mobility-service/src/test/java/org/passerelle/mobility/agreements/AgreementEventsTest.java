package org.passerelle.mobility.agreements;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreements events this service consumes, read from the schemas' examples and sent through the real
 * broker: an activated agreement opens for nominations, a terminated one closes.
 */
@QuarkusTest
class AgreementEventsTest {

    static final String TOPIC = "agreements.agreement.events";
    static final String ACTIVATED = "passerelle.agreements.AgreementActivated.v1";
    static final String TERMINATED = "passerelle.agreements.AgreementTerminated.v1";
    static final String COORDINATOR = TestTokens.of("coordinator", "univ-lyon1.fr");

    @Test
    void theSchemaExamplesOpenThenCloseAnAgreement() throws Exception {
        String id = UUID.randomUUID().toString();
        String activated = EventContracts.example(ACTIVATED).replace("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70", id);
        String terminated = EventContracts.example(TERMINATED).replace("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70", id);

        TestEvents.send(TOPIC, ACTIVATED, id, activated);
        awaitOpen(id, true);
        List<String> parties = given().auth().oauth2(COORDINATOR).queryParam("party", "univ-lyon1.fr").queryParam("size", 100)
                .when().get("/api/mobilities/agreements")
                .then().statusCode(200).extract().path("items.find { it.id == '" + id + "' }.parties");
        assertEquals(List.of("sjtu.edu.cn", "univ-lyon1.fr"), parties);

        TestEvents.send(TOPIC, TERMINATED, id, terminated);
        awaitOpen(id, false);
    }

    /** Like the reads by id in agreements-service: another institution's agreement is not listed to it. */
    @Test
    void anOpenAgreementIsListedToItsPartiesAndTheInternationalOfficeOnly() throws Exception {
        String id = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, ACTIVATED, id, example(ACTIVATED, id));
        awaitOpen(id, true);
        for (String outsider : List.of(TestTokens.of("coordinator", "u-paris.fr"), TestTokens.of("integration", "u-paris.fr"))) {
            for (String party : new String[] {null, "univ-lyon1.fr"}) {
                var request = given().auth().oauth2(outsider).queryParam("size", 100);
                if (party != null) {
                    request.queryParam("party", party);
                }
                List<String> ids = request.when().get("/api/mobilities/agreements")
                        .then().statusCode(200).extract().jsonPath().getList("items.id");
                assertTrue(!ids.contains(id), "Paris Cité sees the agreement of SJTUSM and Lyon 1");
            }
        }
        List<String> seenByAdmin = given().auth().oauth2(TestTokens.of("admin", "sjtu.edu.cn")).queryParam("size", 100)
                .queryParam("party", "univ-lyon1.fr")
                .when().get("/api/mobilities/agreements")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(seenByAdmin.contains(id));
    }

    @Test
    void aSuspendedAgreementClosesUntilResumed() throws Exception {
        String id = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, ACTIVATED, id, example(ACTIVATED, id));
        awaitOpen(id, true);
        TestEvents.send(TOPIC, "passerelle.agreements.AgreementSuspended.v1", id, example("passerelle.agreements.AgreementSuspended.v1", id));
        awaitOpen(id, false);
        TestEvents.send(TOPIC, "passerelle.agreements.AgreementResumed.v1", id, example("passerelle.agreements.AgreementResumed.v1", id));
        awaitOpen(id, true);
    }

    private static String example(String type, String agreementId) {
        return EventContracts.example(type).replace("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70", agreementId);
    }

    @Test
    void anActivationDeliveredTwiceLeavesOneAgreement() throws Exception {
        String id = UUID.randomUUID().toString();
        String activated = EventContracts.example(ACTIVATED).replace("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70", id);
        UUID eventId = UUID.randomUUID();
        TestEvents.send(TOPIC, eventId, ACTIVATED, id, activated);
        TestEvents.send(TOPIC, eventId, ACTIVATED, id, activated);
        awaitOpen(id, true);
        long matching = given().auth().oauth2(COORDINATOR).queryParam("size", 100)
                .when().get("/api/mobilities/agreements")
                .then().statusCode(200).extract().jsonPath().getList("items.id").stream().filter(id::equals).count();
        assertEquals(1, matching);
    }

    private static void awaitOpen(String id, boolean open) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> ids = given().auth().oauth2(COORDINATOR).queryParam("size", 100)
                    .when().get("/api/mobilities/agreements")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            if (ids.contains(id) == open) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "agreement " + id + (open ? " never opened" : " never closed"));
            Thread.sleep(200);
        }
    }
}
