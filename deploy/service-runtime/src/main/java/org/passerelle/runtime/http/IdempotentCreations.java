package org.passerelle.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creation under an Idempotency-Key, exactly once whatever dies when. The request handling a key holds it with a
 * lock that ends with its database connection ({@link KeyLocks}) until its answer is stored. A retry with the same
 * key and body gets the stored answer again; while the first request still runs it is told the key is in use (409
 * with Retry-After); once the holder is gone (its process died, its connection with it) the retry takes the key over
 * and runs the creation again, which creates only what is missing: a creation in one transaction commits together
 * with its answer, so nothing of it is left; a creation in steps binds each step to the key by a unique constraint
 * and skips the steps done. The same key with another body is refused (422). Without a key, the creation just runs.
 */
@ApplicationScoped
public class IdempotentCreations {

    private static final Logger LOG = Logger.getLogger(IdempotentCreations.class);

    public static final ProblemType KEY_REUSED = new ProblemType("idempotency-key-reused", 422);
    public static final ProblemType KEY_IN_USE = new ProblemType("idempotency-key-in-use", 409);

    /** The status of a key whose first request has not answered yet (102 Processing). */
    static final int IN_PROGRESS = 102;
    /** How long a client is told to wait (Retry-After) before it sends the request again while the key is in use. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** What a creation answers: where the new resource is and its representation. */
    public record Created(URI location, Object body, String etag) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    KeyLocks locks;

    /**
     * A creation made in one transaction: it commits together with its stored answer, so a request that died left
     * nothing of it, and a retry that takes the key over simply runs it again.
     */
    public Response create(String caller, String key, Object request, Supplier<Created> creation) {
        if (key == null || key.isBlank()) {
            return answer(QuarkusTransaction.joiningExisting().call(creation::get));
        }
        return underKey(caller, key, request, false, () -> QuarkusTransaction.requiringNew().call(() -> {
            Created created = creation.get();
            store(caller, key, created);
            return created;
        }));
    }

    /**
     * A creation that commits in steps of its own (a bulk nomination, row by row). It is given the key's
     * {@link #creationKey creation key} (null without an Idempotency-Key) and must record it on what each step
     * creates, unique with the step's number, so that after a take-over it answers the steps already done with what
     * they created and runs only the others. Its answer is stored once every step is done.
     */
    public Response createInSteps(String caller, String key, Object request, Function<UUID, Created> creation) {
        if (key == null || key.isBlank()) {
            return answer(creation.apply(null));
        }
        return underKey(caller, key, request, true, () -> {
            Created created = creation.apply(creationKey(caller, key));
            QuarkusTransaction.requiringNew().run(() -> store(caller, key, created));
            return created;
        });
    }

    /** The stable identifier of a caller's Idempotency-Key, which a creation in steps records on what it creates. */
    public static UUID creationKey(String caller, String key) {
        ByteBuffer digest = ByteBuffer.wrap(sha256Bytes(caller + "\n" + key));
        return new UUID(digest.getLong(), digest.getLong());
    }

    /** The 409 of a key whose request is still being handled, with the wait to tell the client. */
    public static ProblemException keyInUse(String key) {
        return new ProblemException(KEY_IN_USE, key).retryAfter(RETRY_AFTER);
    }

    private Response underKey(String caller, String key, Object request, boolean inSteps, Supplier<Created> creation) {
        if (key.length() > 200) {
            throw new ProblemException(ProblemType.VALIDATION,
                    List.of(new org.passerelle.runtime.problem.Problem.FieldError("Idempotency-Key", "at most 200 characters")), 1);
        }
        String requestHash = sha256(write(request));
        try (var lock = locks.tryTake(caller, key)) {
            Response earlier = QuarkusTransaction.requiringNew().call(() -> reserve(caller, key, requestHash, lock.held()));
            if (earlier != null) {
                return earlier;
            }
            try {
                return answer(creation.get());
            } catch (AnsweredMeanwhile e) {
                return QuarkusTransaction.requiringNew().call(() -> reserve(caller, key, requestHash, false));
            } catch (RuntimeException e) {
                if (!inSteps || refusedAsAWhole(e)) {
                    // nothing was created: the key is free again, for this request or a corrected one
                    QuarkusTransaction.requiringNew().run(() -> free(caller, key));
                }
                // otherwise steps may have committed: the key stays this request's, for a retry to complete
                throw e;
            }
        }
    }

    /**
     * Takes the key for this request (null), or answers from what an earlier request with it did or is doing. Only
     * the holder of the key's lock ever writes its row, so reading it here races with nothing but its final answer.
     */
    private Response reserve(String caller, String key, String requestHash, boolean lockHeld) {
        List<?> rows = entityManager.createNativeQuery("""
                        select request_hash, status, location, body
                        from idempotent_creation where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key)
                .getResultList();
        Object[] row = rows.isEmpty() ? null : (Object[]) rows.get(0);
        if (row != null && !requestHash.equals(row[0])) {
            throw new ProblemException(KEY_REUSED, key);
        }
        if (row != null && (Integer) row[1] != IN_PROGRESS) {
            return replay(row);
        }
        if (!lockHeld) {
            throw keyInUse(key);
        }
        if (row == null) {
            entityManager.createNativeQuery("""
                            insert into idempotent_creation (caller, idempotency_key, request_hash, status, body)
                            values (?1, ?2, ?3, ?4, '')""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash).setParameter(4, IN_PROGRESS)
                    .executeUpdate();
        } else {
            // in progress, yet nobody holds the lock: the request that took the key died before answering
            LOG.infof("Taking over the Idempotency-Key of a request that ended without answering (caller %s)", caller);
        }
        return null;
    }

    private static Response replay(Object[] row) {
        var replay = Response.status((Integer) row[1]).entity(row[3]).type("application/json")
                .header("Idempotency-Replayed", "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        return replay.build();
    }

    /**
     * Stores the answer, unless another request answered the key meanwhile: that happens only if this request lost its
     * lock while it ran (its lock connection broke) and a retry took over; this request then gives way to that answer,
     * and the transaction of a single creation rolls back with it.
     */
    private void store(String caller, String key, Created created) {
        int stored = entityManager.createNativeQuery("""
                        update idempotent_creation set status = 201, location = ?3, body = ?4
                        where caller = ?1 and idempotency_key = ?2 and status = ?5""")
                .setParameter(1, caller).setParameter(2, key)
                .setParameter(3, created.location() == null ? null : created.location().toString())
                .setParameter(4, write(created.body()))
                .setParameter(5, IN_PROGRESS)
                .executeUpdate();
        if (stored == 0) {
            throw new AnsweredMeanwhile();
        }
    }

    /** The key was answered by another request while this one ran. */
    private static final class AnsweredMeanwhile extends RuntimeException {
        AnsweredMeanwhile() {
            super("answered by a request that took the Idempotency-Key over", null, false, false);
        }
    }

    private void free(String caller, String key) {
        entityManager.createNativeQuery(
                        "delete from idempotent_creation where caller = ?1 and idempotency_key = ?2 and status = ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, IN_PROGRESS).executeUpdate();
    }

    /** A request refused before or instead of any step (bad input, nothing to create): it created nothing. */
    private static boolean refusedAsAWhole(RuntimeException e) {
        return e instanceof ProblemException || e instanceof InvalidFieldsException || e instanceof ConstraintViolationException;
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
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
