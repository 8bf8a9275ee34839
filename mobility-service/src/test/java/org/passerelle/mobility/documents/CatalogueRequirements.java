package org.passerelle.mobility.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.passerelle.devstack.testing.TestEvents;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Puts a catalogue item with requirements and a session of it in mobility-service as production does: by curriculum-service's events. */
public final class CatalogueRequirements {

    static final String TOPIC = "curriculum.catalogue.events";

    private CatalogueRequirements() {
    }

    /**
     * Publishes an item with these requirements (JSON objects, e.g. {"kind":"VISA","validForWholeStay":true,
     * "checkedBy":"RECEIVING"}) and opens a session of it; waits until mobility-service knows both. Returns the session id.
     */
    public static UUID sessionRequiring(EntityManager entityManager, String... requirements) throws Exception {
        UUID item = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        TestEvents.send(TOPIC, "passerelle.curriculum.CatalogueItemPublished.v1", item.toString(), """
                {"itemId":"%s","kind":"SUMMER_PROGRAMME","title":{"fr":"Stage d'été","en":"Summer traineeship","zh":"暑期实习"},
                 "teachingLanguage":"fr","credits":null,"publishedAt":"2027-01-10T09:00:00Z","offeredBy":"sjtu.edu.cn",
                 "requirements":[%s]}""".formatted(item, String.join(",", requirements)));
        TestEvents.send(TOPIC, "passerelle.curriculum.SessionOpened.v1", item.toString(), """
                {"sessionId":"%s","itemId":"%s","academicYear":"2026/2027","startDate":"2027-07-05","endDate":"2027-07-30",
                 "capacity":30,"freeSeats":30,"openedAt":"2027-01-10T09:05:00Z"}""".formatted(session, item));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from catalogue_session where session_id = ?1").setParameter(1, session).getSingleResult()).intValue()) == 0) {
            assertTrue(System.nanoTime() < deadline, "session " + session + " never reached mobility-service");
            Thread.sleep(100);
        }
        return session;
    }

    /** Changes the item's requirements (CatalogueItemChanged) and waits until mobility-service keeps exactly these kinds. */
    public static void change(EntityManager entityManager, UUID session, String... requirements) throws Exception {
        UUID item = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "select item_id from catalogue_session where session_id = ?1").setParameter(1, session).getSingleResult());
        TestEvents.send(TOPIC, "passerelle.curriculum.CatalogueItemChanged.v1", item.toString(), """
                {"itemId":"%s","kind":"SUMMER_PROGRAMME","title":{"fr":"Stage d'été","en":"Summer traineeship","zh":"暑期实习"},
                 "teachingLanguage":"fr","credits":null,"changedAt":"2027-02-10T09:00:00Z","offeredBy":"sjtu.edu.cn",
                 "requirements":[%s]}""".formatted(item, String.join(",", requirements)));
        String kinds = java.util.Arrays.stream(requirements).map(r -> r.replaceAll(".*\"kind\":\"([A-Z_]+)\".*", "$1")).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!kinds.equals(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select coalesce(string_agg(kind, ',' order by kind), '') from catalogue_requirement where item_id = ?1")
                .setParameter(1, item).getSingleResult()))) {
            assertTrue(System.nanoTime() < deadline, "item " + item + " never changed in mobility-service");
            Thread.sleep(100);
        }
    }
}
