package org.passerelle.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creation under an Idempotency-Key: the first request reserves the key, creates, and stores its answer; a retry
 * with the same key and body gets that answer again (nothing created twice); a retry while the first request is
 * still running is told the key is in use (409); the same key with another body is refused (422). Without a key,
 * the creation just runs.
 */
@ApplicationScoped
public class IdempotentCreations {

    public static final ProblemType KEY_REUSED = new ProblemType("idempotency-key-reused", 422);
    public static final ProblemType KEY_IN_USE = new ProblemType("idempotency-key-in-use", 409);

    /** The status of a key whose first request is still running (102 Processing). */
    static final int IN_PROGRESS = 102;
    /** A key still in progress after this long belongs to a request that died: a retry may take it over. */
    static final String ABANDONED_AFTER = "10 minutes";

    /** What a creation answers: where the new resource is and its representation. */
    public record Created(URI location, Object body, String etag) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional
    public Response create(String caller, String key, Object request, Supplier<Created> creation) {
        if (key == null || key.isBlank()) {
            return answer(creation.get());
        }
        if (key.length() > 200) {
            throw new ProblemException(ProblemType.VALIDATION,
                    List.of(new org.passerelle.runtime.problem.Problem.FieldError("Idempotency-Key", "at most 200 characters")), 1);
        }
        String requestHash = sha256(write(request));
        // The key is reserved in a transaction of its own before anything is created: a creation may commit
        // in several transactions (a bulk nomination commits row by row), so a second request with the same key
        // arriving meanwhile must see the key taken, not create the rows again.
        Reservation reservation = QuarkusTransaction.requiringNew().call(() -> reserve(caller, key, requestHash));
        if (reservation.earlierAnswer() != null) {
            return reservation.earlierAnswer();
        }
        try {
            Created created = creation.get();
            entityManager.createNativeQuery("""
                            update idempotent_creation set status = 201, location = ?3, body = ?4
                            where caller = ?1 and idempotency_key = ?2""")
                    .setParameter(1, caller).setParameter(2, key)
                    .setParameter(3, created.location() == null ? null : created.location().toString())
                    .setParameter(4, write(created.body()))
                    .executeUpdate();
            entityManager.flush(); // a broken constraint shows here, while the reservation can still be released
            return answer(created);
        } catch (RuntimeException e) {
            // the creation failed: the same request may be sent again with the same key
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "delete from idempotent_creation where caller = ?1 and idempotency_key = ?2 and status = ?3")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, IN_PROGRESS).executeUpdate());
            throw e;
        }
    }

    /** Takes the key for this request, or answers from what an earlier request with the key did or is doing. */
    private Reservation reserve(String caller, String key, String requestHash) {
        Reservation reservation;
        do { // the request that held the key may fail and free it between the insert and the select: try again
            reservation = tryReserve(caller, key, requestHash);
        } while (reservation == null);
        return reservation;
    }

    /** The key is this request's now ({@link Reservation#TAKEN}), an earlier answer to replay, or null: freed meanwhile. */
    private Reservation tryReserve(String caller, String key, String requestHash) {
        int taken = entityManager.createNativeQuery("""
                        insert into idempotent_creation (caller, idempotency_key, request_hash, status, body)
                        values (?1, ?2, ?3, ?4, '') on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash).setParameter(4, IN_PROGRESS)
                .executeUpdate();
        if (taken == 1) {
            return Reservation.TAKEN;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        select request_hash, status, location, body, created_at < now() - cast(?3 as interval)
                        from idempotent_creation where caller = ?1 and idempotency_key = ?2 for update""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, ABANDONED_AFTER)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(KEY_REUSED, key);
        }
        if ((Integer) row[1] == IN_PROGRESS) {
            if (!(Boolean) row[4]) {
                throw new ProblemException(KEY_IN_USE, key);
            }
            // the request that took the key died before answering: this one takes it over
            entityManager.createNativeQuery(
                            "update idempotent_creation set created_at = now() where caller = ?1 and idempotency_key = ?2")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate();
            return Reservation.TAKEN;
        }
        var replay = Response.status((Integer) row[1]).entity(row[3]).type("application/json")
                .header("Idempotency-Replayed", "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        return new Reservation(replay.build());
    }

    /** What asking for a key gave: the key ({@code earlierAnswer} null) or the answer an earlier request got. */
    private record Reservation(Response earlierAnswer) {
        static final Reservation TAKEN = new Reservation(null);
    }

    private static Response answer(Created created) {
        var response = Response.created(created.location()).entity(created.body());
        if (created.etag() != null) {
            response.tag(created.etag());
        }
        return response.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
