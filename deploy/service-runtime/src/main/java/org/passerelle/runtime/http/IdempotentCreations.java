package org.passerelle.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Creation under an Idempotency-Key: the first request creates and its answer is stored in the same
 * transaction; a retry with the same key and body gets that answer again (nothing created twice); the same key
 * with another body is refused. Without a key, the creation just runs.
 */
@ApplicationScoped
public class IdempotentCreations {

    public static final ProblemType KEY_REUSED = new ProblemType("idempotency-key-reused", 422);
    public static final ProblemType KEY_IN_USE = new ProblemType("idempotency-key-in-use", 409);

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
        List<?> earlier = entityManager.createNativeQuery(
                        "select request_hash, status, location, body from idempotent_creation where caller = ?1 and idempotency_key = ?2")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (!earlier.isEmpty()) {
            Object[] row = (Object[]) earlier.get(0);
            if (!requestHash.equals(row[0])) {
                throw new ProblemException(KEY_REUSED, key);
            }
            var replay = Response.status((Integer) row[1]).entity(row[3]).type("application/json")
                    .header("Idempotency-Replayed", "true");
            if (row[2] != null) {
                replay.location(URI.create((String) row[2]));
            }
            return replay.build();
        }
        Created created = creation.get();
        // a concurrent first request with the same key fails this insert: its transaction is the one that counts
        entityManager.createNativeQuery("""
                        insert into idempotent_creation (caller, idempotency_key, request_hash, status, location, body)
                        values (?1, ?2, ?3, 201, ?4, ?5)""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, created.location() == null ? null : created.location().toString())
                .setParameter(5, write(created.body()))
                .executeUpdate();
        return answer(created);
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
