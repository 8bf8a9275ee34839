package org.passerelle.identity.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Who read or changed whose personal data, in any service, and when (and, for a change, which fields): written by
 * each read and each change, queried by the international office.
 */
@ApplicationScoped
public class AuditLog {

    /** What an entry records. */
    public enum Action { READ, CHANGE }

    /**
     * One read or one change. {@code fields} names what a change wrote (empty for a read); {@code at} is when it
     * happened.
     */
    public record Entry(UUID id, String service, Action action, String actor, String actorInstitution, String resource,
                        List<UUID> personIds, List<String> fields, Instant at) {

        /** When a read happened, as the log of reads alone answered it; null for a change. */
        @JsonProperty("readAt")
        @Schema(nullable = true, description = "When a read happened (the same as at); null for a change")
        public Instant readAt() {
            return action == Action.READ ? at : null;
        }

        public static Entry read(UUID id, String service, String actor, String actorInstitution, String resource,
                                 List<UUID> personIds, Instant readAt) {
            return new Entry(id, service, Action.READ, actor, actorInstitution, resource, personIds, List.of(), readAt);
        }

        public static Entry change(UUID id, String service, String actor, String actorInstitution, String resource,
                                   List<UUID> personIds, List<String> fields, Instant changedAt) {
            return new Entry(id, service, Action.CHANGE, actor, actorInstitution, resource, personIds, List.copyOf(fields), changedAt);
        }
    }

    /** What the log is searched by; each may be null. */
    public record Filter(UUID personId, String actor, Action action, Instant from, Instant to) {
    }

    static final String SERVICE = "identity-service";

    @Inject
    EntityManager entityManager;

    /** A read in identity-service, recorded in its own transaction so that a read without one is recorded too. */
    public void recordHere(String actor, String institution, String resource, Collection<UUID> personIds) {
        if (!personIds.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> record(Entry.read(UUID.randomUUID(), SERVICE, actor, institution,
                    resource, List.copyOf(personIds), Instant.now())));
        }
    }

    /** A change in identity-service, in the change's own transaction: both commit or neither. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChangeHere(String actor, String institution, String resource, UUID personId, List<String> fields) {
        if (!fields.isEmpty()) {
            record(Entry.change(UUID.randomUUID(), SERVICE, actor, institution, resource, List.of(personId), fields, Instant.now()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry entry) {
        entityManager.createNativeQuery("""
                        insert into personal_data_read (id, service, actor, actor_institution, resource, person_ids, read_at,
                                                        action, fields)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid[]), ?7, ?8, cast(?9 as text[])) on conflict (id) do nothing""")
                .setParameter(1, entry.id()).setParameter(2, entry.service()).setParameter(3, entry.actor())
                .setParameter(4, entry.actorInstitution()).setParameter(5, entry.resource())
                .setParameter(6, "{" + String.join(",", entry.personIds().stream().map(UUID::toString).toList()) + "}")
                .setParameter(7, entry.at()).setParameter(8, entry.action().name())
                .setParameter(9, textArray(entry.fields())).executeUpdate();
    }

    /** The latest reads first, then by id so that pages are stable. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> search(Filter filter, PageRequest page) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.personId() != null) {
            where.add("person_ids @> array[cast(:person as uuid)]");
            parameters.put("person", filter.personId().toString());
        }
        if (filter.actor() != null) {
            where.add("actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            parameters.put("action", filter.action().name());
        }
        if (filter.from() != null) {
            where.add("read_at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("read_at < :to");
            parameters.put("to", filter.to());
        }
        var rows = entityManager.createNativeQuery("select id, service, actor, actor_institution, resource, cast(person_ids as text), read_at, action, fields "
                + "from personal_data_read" + where + " order by read_at desc, id limit :limit offset :offset");
        var count = entityManager.createNativeQuery("select count(*) from personal_data_read" + where);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setParameter("limit", page.size).setParameter("offset", page.offset()).getResultList();
        return Page.of(found.stream().map(AuditLog::entry).toList(), page, ((Number) count.getSingleResult()).longValue());
    }

    private static Entry entry(Object[] r) {
        String ids = ((String) r[5]).replaceAll("[{}]", "");
        List<UUID> people = ids.isEmpty() ? List.of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        Object at = r[6];
        Instant when = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) at;
        return new Entry((UUID) r[0], (String) r[1], Action.valueOf((String) r[7]), (String) r[2], (String) r[3], (String) r[4],
                people, fields(r[8]), when);
    }

    /** A text[] as PostgreSQL's array literal: each element quoted, so that no field name can break it. */
    private static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    private static List<String> fields(Object column) {
        if (column instanceof String[] array) {
            return List.of(array);
        }
        if (column instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(String::valueOf).toList();
        }
        return List.of();
    }
}
