package org.passerelle.mobility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import jakarta.persistence.EntityManager;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.mobility.agreements.Agreement;
import org.passerelle.mobility.agreements.AgreementCondition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Puts agreements in force in mobility-service the way production does: by agreements-service's events on Kafka. */
public final class AgreementsInForce {

    public static final String TOPIC = "agreements.agreement.events";

    /** A condition as AgreementActivated carries it. */
    public record Condition(UUID id, String sending, String receiving, String type, int places, Integer minimumDays,
                            Integer maximumDays) {

        public String json() {
            return """
                    {"id":"%s","sendingInstitution":"%s","receivingInstitution":"%s","mobilityType":"%s","placesPerYear":%d,
                     "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","minimumDays":%s,"maximumDays":%s}"""
                    .formatted(id, sending, receiving, type, places, minimumDays, maximumDays);
        }
    }

    private AgreementsInForce() {
    }

    public static Condition condition(String sending, String receiving, String type, int places, Integer minDays, Integer maxDays) {
        return new Condition(UUID.randomUUID(), sending, receiving, type, places, minDays, maxDays);
    }

    /** Sends AgreementActivated and waits until mobility-service has the agreement and its conditions. */
    public static UUID activate(EntityManager entityManager, String partner, Condition... conditions) throws Exception {
        UUID id = UUID.randomUUID();
        TestEvents.send(TOPIC, "passerelle.agreements.AgreementActivated.v1", id.toString(), """
                {"agreementId":"%s","kind":"BILATERAL_EXCHANGE","parties":["sjtu.edu.cn","%s"],
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","contentHash":"%s",
                 "activatedAt":"2026-03-12T09:30:00Z","conditions":[%s]}"""
                .formatted(id, partner, "a".repeat(64), String.join(",", List.of(conditions).stream().map(Condition::json).toList())));
        await(entityManager, id, a -> a != null && conditions.length == 0
                || entityManager.find(AgreementCondition.class, new AgreementCondition.Key(id, conditions[conditions.length - 1].id())) != null);
        return id;
    }

    /** Sends any agreement event with this data and waits until the agreement satisfies {@code reached}. */
    public static void send(EntityManager entityManager, UUID agreementId, String type, String data,
                            Predicate<Agreement> reached) throws Exception {
        TestEvents.send(TOPIC, "passerelle.agreements." + type + ".v1", agreementId.toString(), data);
        await(entityManager, agreementId, reached);
    }

    private static void await(EntityManager entityManager, UUID id, Predicate<Agreement> reached) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!QuarkusTransaction.requiringNew().call(() -> reached.test(entityManager.find(Agreement.class, id)))) {
            assertTrue(System.nanoTime() < deadline, "agreement " + id + " never reached the expected state");
            Thread.sleep(100);
        }
    }

    /** A student's token, with the email claim that says whose mobilities they see. */
    public static String studentToken(String institution, String email) {
        return Jwt.preferredUserName(email).subject(UUID.randomUUID().toString())
                .issuer("https://server.example.com").audience("passerelle-api")
                .claim("realm_access", Map.of("roles", List.of("student")))
                .claim("institution", institution).claim("email", email)
                .jws().keyId("1").sign();
    }
}
