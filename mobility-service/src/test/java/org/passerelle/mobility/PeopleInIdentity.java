package org.passerelle.mobility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.mobility.people.KnownPeople;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Registers people in mobility-service the way production does: by identity-service's PersonRegistered on Kafka. */
public final class PeopleInIdentity {

    public static final String TOPIC = "identity.person.events";

    private PeopleInIdentity() {
    }

    /** Sends PersonRegistered for a student of {@code institution} with this INE, and waits until mobility-service knows them. */
    public static void registerStudent(KnownPeople people, Fingerprints fingerprints, UUID personId, String institution, String ine)
            throws Exception {
        TestEvents.send(TOPIC, "passerelle.identity.PersonRegistered.v1", personId.toString(), """
                {"personId":"%s","kind":"STUDENT","institution":"%s","identifierFingerprints":["%s"],
                 "registeredAt":"2027-02-15T09:00:00Z"}""".formatted(personId, institution, fingerprints.of(Fingerprints.INE, ine)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> people.knows(personId)));
    }
}
