package org.passerelle.curriculum.seats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.DomainEvents;
import org.passerelle.curriculum.events.SeatEvent;
import org.passerelle.curriculum.events.SeatsHeld;
import org.passerelle.curriculum.events.SeatsRefused;
import org.passerelle.curriculum.events.SeatsReleased;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seats held by mobilities in sessions. A session never has more holders than seats, however many instances
 * of the service hold at once: each hold is one conditional update, {@code held = held + 1 ... where held <
 * capacity}, which PostgreSQL applies to the row as committed by any concurrent hold (it waits for their row
 * lock and evaluates the condition again), and the table's check constraint refuses anything above capacity.
 */
@ApplicationScoped
public class SeatLedger {

    /** What a nomination asks for: a seat in each session, for a person sent by an institution. */
    public record Request(UUID mobilityId, String sendingInstitution, UUID personId, List<UUID> sessions) {
    }

    /** One seat held, as the holders list shows it. */
    public record Hold(UUID mobilityId, UUID personId, String sendingInstitution, Instant heldAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    /**
     * Holds a seat in each requested session that has one free, refuses the others with their reason, and says
     * so in SeatsHeld and SeatsRefused. Sessions are taken in id order so that two requests never wait on each
     * other's rows in opposite orders.
     */
    @Transactional
    public void hold(Request request) {
        Instant now = Instant.now();
        List<UUID> held = new ArrayList<>();
        List<SeatsRefused.Refusal> refused = new ArrayList<>();
        for (UUID session : request.sessions().stream().distinct().sorted().toList()) {
            Optional<RefusalReason> refusal = holdOne(request, session, now);
            if (refusal.isPresent()) {
                refused.add(new SeatsRefused.Refusal(session, refusal.get()));
            } else {
                held.add(session);
            }
        }
        List<SeatEvent> answers = new ArrayList<>();
        if (!held.isEmpty()) {
            answers.add(new SeatsHeld(request.mobilityId(), held, now));
        }
        if (!refused.isEmpty()) {
            answers.add(new SeatsRefused(request.mobilityId(), refused, now));
        }
        events.publishSeats(answers);
    }

    /** Frees every seat the mobility holds; says so in SeatsReleased if it held any. */
    @Transactional
    public List<UUID> release(UUID mobilityId, String reason) {
        @SuppressWarnings("unchecked")
        List<UUID> sessions = entityManager.createNativeQuery(
                        "delete from seat_hold where mobility_id = ?1 returning session_id", UUID.class)
                .setParameter(1, mobilityId).getResultList();
        List<UUID> ordered = sessions.stream().sorted().toList();
        for (UUID session : ordered) {
            entityManager.createNativeQuery("update catalogue_session set held = held - 1 where id = ?1")
                    .setParameter(1, session).executeUpdate();
        }
        if (!ordered.isEmpty()) {
            events.publishSeats(List.of(new SeatsReleased(mobilityId, ordered, reason, Instant.now())));
        }
        return ordered;
    }

    /** The holds of a session, earliest first (then by mobility, so that pages are stable). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Hold> holders(UUID session, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select mobility_id, person_id, sending_institution, held_at from seat_hold
                        where session_id = ?1 order by held_at, mobility_id limit ?2 offset ?3""")
                .setParameter(1, session).setParameter(2, page.size).setParameter(3, page.offset()).getResultList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from seat_hold where session_id = ?1")
                .setParameter(1, session).getSingleResult()).longValue();
        return Page.of(rows.stream().map(r -> new Hold((UUID) r[0], (UUID) r[1], (String) r[2], instant(r[3]))).toList(),
                page, total);
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    private Optional<RefusalReason> holdOne(Request request, UUID session, Instant now) {
        if (alreadyHolds(request.mobilityId(), session)) {
            return Optional.empty();
        }
        int taken = entityManager.createNativeQuery("""
                        update catalogue_session set held = held + 1
                        where id = ?1 and status = 'OPEN' and held < capacity""")
                .setParameter(1, session).executeUpdate();
        if (taken == 0) {
            return Optional.of(whyNot(session));
        }
        entityManager.createNativeQuery("""
                        insert into seat_hold (session_id, mobility_id, sending_institution, person_id, held_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, session).setParameter(2, request.mobilityId())
                .setParameter(3, request.sendingInstitution()).setParameter(4, request.personId())
                .setParameter(5, now).executeUpdate();
        return Optional.empty();
    }

    private boolean alreadyHolds(UUID mobilityId, UUID session) {
        return !entityManager.createNativeQuery("select 1 from seat_hold where session_id = ?1 and mobility_id = ?2")
                .setParameter(1, session).setParameter(2, mobilityId).getResultList().isEmpty();
    }

    private RefusalReason whyNot(UUID session) {
        List<?> status = entityManager.createNativeQuery("select status from catalogue_session where id = ?1")
                .setParameter(1, session).getResultList();
        if (status.isEmpty()) {
            return RefusalReason.UNKNOWN_SESSION;
        }
        return "OPEN".equals(status.get(0)) ? RefusalReason.SESSION_FULL : RefusalReason.SESSION_NOT_OPEN;
    }
}
