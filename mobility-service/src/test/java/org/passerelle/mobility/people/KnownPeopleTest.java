package org.passerelle.mobility.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.PeopleInIdentity;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A nomination's person against the copy of identity-service's people, kept by its events through the real
 * broker: found by identifier, refused when named by an id identity-service never registered or with another
 * person's identifier, forgotten once erased.
 */
@QuarkusTest
class KnownPeopleTest {

    static final String LYON1 = TestTokens.of("integration", "univ-lyon1.fr");

    @Inject
    EntityManager entityManager;

    @Inject
    KnownPeople people;

    @Inject
    Fingerprints fingerprints;

    @Test
    void aNominationFindsTheRegisteredPersonByIdentifierAndRefusesAnUnknownOrMismatchedOne() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 10, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        UUID maelys = UUID.randomUUID();
        UUID zoe = UUID.randomUUID();
        String maelysIne = ine();
        String zoeIne = ine();
        String registered = EventContracts.example("passerelle.identity.PersonRegistered.v1")
                .replace("3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", maelys.toString())
                .replace("5c1e0f7a9b3d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e", fingerprints.of(Fingerprints.INE, maelysIne));
        TestEvents.send(PeopleInIdentity.TOPIC, "passerelle.identity.PersonRegistered.v1", maelys.toString(), registered);
        PeopleInIdentity.registerStudent(people, fingerprints, zoe, "univ-lyon1.fr", zoeIne);
        awaitKnown(maelys, true);

        nominate(agreement, summer.id(), null, maelysIne.toLowerCase()).statusCode(201)
                .body("person.personId", equalTo(maelys.toString()));
        nominate(agreement, summer.id(), maelys, maelysIne).statusCode(201).body("person.personId", equalTo(maelys.toString()));
        String unknown = UUID.randomUUID().toString();
        nominate(agreement, summer.id(), UUID.fromString(unknown), ine()).statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:unknown-person"))
                .body("detail", org.hamcrest.Matchers.containsString(unknown));
        nominate(agreement, summer.id(), maelys, zoeIne).statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:person-mismatch"));
        String newcomer = ine();
        String first = nominate(agreement, summer.id(), null, newcomer).statusCode(201).extract().path("person.personId");
        nominate(agreement, summer.id(), null, newcomer).statusCode(201).body("person.personId", equalTo(first));
        nominate(agreement, summer.id(), null, ine()).statusCode(201).body("person.personId", not(equalTo(first)));

        TestEvents.send(PeopleInIdentity.TOPIC, "passerelle.identity.PersonErased.v1", maelys.toString(), """
                {"personId":"%s","fingerprints":["%s"],"erasedAt":"2027-09-30T09:00:00Z"}"""
                .formatted(maelys, fingerprints.of(Fingerprints.INE, maelysIne)));
        awaitKnown(maelys, false);
        nominate(agreement, summer.id(), maelys, maelysIne).statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:unknown-person"));
    }

    private void awaitKnown(UUID person, boolean known) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> people.knows(person)) == known);
    }

    /** A random well-formed INE: 9 digits and 2 letters. */
    private static String ine() {
        return String.format("%09d", (long) (Math.random() * 1_000_000_000L)) + "AB";
    }

    private static io.restassured.response.ValidatableResponse nominate(UUID agreement, UUID condition, UUID personId, String ine) {
        return given().auth().oauth2(LYON1).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                         "plannedDeparture":"2027-07-30","person":{"personId":%s,"givenName":"Maëlys","familyName":"D'Aubigné-Roussel",
                         "email":"maelys.%s@etu.univ-lyon1.example","ine":"%s"}}"""
                        .formatted(agreement, condition, personId == null ? "null" : "\"" + personId + "\"",
                                UUID.randomUUID().toString().substring(0, 8), ine))
                .when().post("/api/mobilities").then();
    }
}
