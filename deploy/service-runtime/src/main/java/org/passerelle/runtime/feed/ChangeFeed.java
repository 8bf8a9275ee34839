package org.passerelle.runtime.feed;

import jakarta.persistence.EntityManager;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of one table in the order they changed, for integration scripts and partners that poll. The order is that
 * of the transaction that last changed each row (its {@code changed_xid}, set by a trigger in the service's
 * migration); only rows of transactions older than every transaction still running are
 * answered, so a change committed later can never fall behind a cursor already handed out. A cursor never skips a
 * change and never repeats one; a row comes again only when it changed again.
 *
 * @param table      the table, with columns {@code changed_xid xid8} and {@code changed_at timestamptz}
 * @param id         its key, a uuid column
 * @param visibility an SQL condition on the table's row (alias {@code t}) that keeps what the institution bound to
 *                   {@code :me} may see; used only when a caller acts for an institution
 */
public record ChangeFeed(String table, String id, String visibility) {

    /** A table whose key is {@code id}. */
    public ChangeFeed(String table, String visibility) {
        this(table, "id", visibility);
    }

    /** The cursor was not handed out by this service, or was altered. */
    public static final ProblemType BAD_CURSOR = new ProblemType("bad-cursor", 400);

    /** The ids of one batch of changed rows, in order, and the cursor to ask for the next batch. */
    public record Batch(List<UUID> ids, String nextCursor) {
    }

    private record Position(String xid, UUID id) {
    }

    /**
     * The next batch. Starts at {@code changedSince} (the epoch when absent) without a cursor.
     * Runs in the caller's transaction.
     */
    public Batch since(EntityManager entityManager, Instant changedSince, String cursor, String visibleTo, int limit) {
        Position after = cursor == null ? null : decode(cursor);
        String key = "t." + id;
        String sql = "select cast(t.changed_xid as text), " + key + " from " + table + " t"
                + " where t.changed_xid < pg_snapshot_xmin(pg_current_snapshot())"
                + (after == null ? " and t.changed_at >= :since" : " and (t.changed_xid, " + key + ") > (cast(:xid as xid8), :id)")
                + (visibleTo == null ? "" : " and (" + visibility + ")")
                + " order by t.changed_xid, " + key + " limit :limit";
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
            return new Batch(List.of(), cursor != null ? cursor : encode(settledSoFar(entityManager)));
        }
        Object[] last = rows.get(rows.size() - 1);
        return new Batch(rows.stream().map(row -> (UUID) row[1]).toList(), encode(new Position((String) last[0], (UUID) last[1])));
    }

    /**
     * The batch's rows as entities, in the batch's order, read in one query (not one per id). {@code key} is the
     * entity's attribute that holds the table's key.
     */
    public static <T> List<T> load(EntityManager entityManager, Class<T> type, String key, Batch batch) {
        if (batch.ids().isEmpty()) {
            return List.of();
        }
        var criteria = entityManager.getCriteriaBuilder().createQuery(type);
        var row = criteria.from(type);
        Map<Object, T> byId = new HashMap<>();
        for (T entity : entityManager.createQuery(criteria.select(row).where(row.get(key).in(batch.ids()))).getResultList()) {
            byId.put(entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity), entity);
        }
        return batch.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * After an empty first answer: the position past every transaction settled now. Each of them changed its rows
     * before changedSince, or they would have been answered; any later change comes after this position.
     */
    private static Position settledSoFar(EntityManager entityManager) {
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
            throw new ProblemException(BAD_CURSOR);
        }
    }
}
