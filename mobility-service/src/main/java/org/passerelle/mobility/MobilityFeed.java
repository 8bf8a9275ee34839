package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mobilities in the order they changed, for integration scripts that poll. The order is that of the
 * transaction that last changed each row (its xid8); only rows of transactions older than every transaction
 * still running are returned, so a change committed later can never fall behind a cursor already handed out.
 * A cursor never skips a change; a mobility comes again only when it changed again.
 */
@ApplicationScoped
public class MobilityFeed {

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<Mobility> items, String nextCursor) {
    }

    private record Position(String xid, UUID id) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes since(Instant changedSince, String cursor, String visibleTo, int limit) {
        Position after = cursor == null ? null : decode(cursor);
        String sql = "select cast(changed_xid as text), id from mobility where changed_xid < pg_snapshot_xmin(pg_current_snapshot())"
                + (after == null ? " and changed_at >= :since" : " and (changed_xid, id) > (cast(:xid as xid8), :id)")
                + (visibleTo == null ? "" : " and (sending_institution = :me or receiving_institution = :me)")
                + " order by changed_xid, id limit :limit";
        var query = entityManager.createNativeQuery(sql);
        if (after == null) {
            query.setParameter("since", changedSince == null ? Instant.EPOCH : changedSince);
        } else {
            query.setParameter("xid", after.xid()).setParameter("id", after.id());
        }
        if (visibleTo != null) {
            query.setParameter("me", visibleTo);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("limit", limit).getResultList();
        if (rows.isEmpty()) {
            return new Changes(List.of(), cursor != null ? cursor : encode(settledSoFar()));
        }
        var items = rows.stream().map(r -> entityManager.find(Mobility.class, (UUID) r[1])).toList();
        Object[] last = rows.get(rows.size() - 1);
        return new Changes(items, encode(new Position((String) last[0], (UUID) last[1])));
    }

    /**
     * After an empty first answer: the position past every transaction settled now. Each of them changed its rows
     * before changedSince, or they would have been answered; any later change comes after this position.
     */
    private Position settledSoFar() {
        String xmin = (String) entityManager.createNativeQuery(
                "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)").getSingleResult();
        return new Position(Long.toUnsignedString(Long.parseUnsignedLong(xmin) - 1), new UUID(-1L, -1L));
    }

    private static String encode(Position position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position.xid() + ":" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            Long.parseUnsignedLong(parts[0]);
            return new Position(parts[0], UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ProblemException(MobilityProblems.BAD_CURSOR);
        }
    }
}
