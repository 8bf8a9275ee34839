package org.passerelle.identity.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

/** Who read whose personal data, in any service, and when: written by each read, queried by the international office. */
@ApplicationScoped
public class AuditLog {

    /** One read. */
    public record Entry(UUID id, String service, String actor, String actorInstitution, String resource, List<UUID> personIds,
                        Instant readAt) {
    }

    /** What the log is searched by; each may be null. */
    public record Filter(UUID personId, String actor, Instant from, Instant to) {
    }

    @Inject
    EntityManager entityManager;

    /** A read in identity-service, recorded in its own transaction so that a read without one is recorded too. */
    public void recordHere(String actor, String institution, String resource, Collection<UUID> personIds) {
        if (!personIds.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() ->
                    record(new Entry(UUID.randomUUID(), "identity-service", actor, institution, resource, List.copyOf(personIds), Instant.now())));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry entry) {
        entityManager.createNativeQuery("""
                        insert into personal_data_read (id, service, actor, actor_institution, resource, person_ids, read_at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid[]), ?7) on conflict (id) do nothing""")
                .setParameter(1, entry.id()).setParameter(2, entry.service()).setParameter(3, entry.actor())
                .setParameter(4, entry.actorInstitution()).setParameter(5, entry.resource())
                .setParameter(6, "{" + String.join(",", entry.personIds().stream().map(UUID::toString).toList()) + "}")
                .setParameter(7, entry.readAt()).executeUpdate();
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
        if (filter.from() != null) {
            where.add("read_at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("read_at < :to");
            parameters.put("to", filter.to());
        }
        var rows = entityManager.createNativeQuery("select id, service, actor, actor_institution, resource, cast(person_ids as text), read_at "
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
        Instant readAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) at;
        return new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], people, readAt);
    }
}
