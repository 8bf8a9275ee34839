package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.mobility.documents.events.ChecklistCompleted;
import org.passerelle.mobility.documents.events.ChecklistExceptionRecorded;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.ProblemException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each mobility's checklist: its lines derived from the items of the sessions it asked for (those not refused or
 * released) and from what its receiving institution and its agreement ask of every mobility; recomputed whenever it is used and
 * when a requirement changes. Publishes ChecklistCompleted when every line becomes accepted.
 */
@ApplicationScoped
public class Checklists {

    /** A checklist changes while the stay is ahead or under way. */
    static final List<MobilityStatus> OPEN = List.of(MobilityStatus.NOMINATED, MobilityStatus.ACCEPTED, MobilityStatus.IN_PROGRESS);
    static final String OPEN_SQL = "('NOMINATED', 'ACCEPTED', 'IN_PROGRESS')";

    @Inject
    EntityManager entityManager;

    @Inject
    MobilityService mobilities;

    @Inject
    Outbox outbox;

    /** The mobility's checklist as the caller may see it (404 for a mobility they do not see), recomputed first. */
    @Transactional
    public Checklist of(UUID mobilityId, String actingFor, String studentEmail) {
        return recompute(mobilities.find(mobilityId, actingFor, studentEmail));
    }

    /**
     * Refuses the start (the arrival) of a mobility whose checklist is not met, listing the lines, unless the
     * international office recorded an exception.
     */
    @Transactional
    public void requireStartAllowed(UUID mobilityId, String actingFor) {
        var mobility = mobilities.find(mobilityId, actingFor, null);
        var checklist = recompute(mobility);
        var blocking = checklist.blockingStart(mobility.plannedArrival, mobility.plannedDeparture);
        if (checklist.exception() == null && !blocking.isEmpty()) {
            throw new StartRefused(blocking);
        }
    }

    /** The international office lets the mobility start whatever its checklist says; recorded with the reason and published. */
    @Transactional
    public Checklist recordException(UUID mobilityId, String reason, String by) {
        var mobility = mobilities.find(mobilityId, null, null);
        var checklist = recompute(mobility);
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        update checklist set exception_reason = ?2, exception_by = ?3, exception_at = ?4 where mobility_id = ?1""")
                .setParameter(1, mobilityId).setParameter(2, reason).setParameter(3, by).setParameter(4, Timestamp.from(now))
                .executeUpdate();
        var unmet = checklist.blockingStart(mobility.plannedArrival, mobility.plannedDeparture).stream()
                .map(l -> l.requirement().kind()).toList();
        outbox.append(mobilityId, new ChecklistExceptionRecorded(mobilityId, reason, unmet, now));
        return new Checklist(checklist.lines(), new Checklist.StartException(reason, by, now));
    }

    /** Recomputes the checklists of the open mobilities that asked for a session of this catalogue item. */
    @Transactional
    public int recomputeForItem(UUID itemId) {
        return recomputeAll("""
                select distinct m.id, m.status, m.receiving_institution, m.agreement_id from mobility m
                join mobility_session ms on ms.mobility_id = m.id join catalogue_session cs on cs.session_id = ms.session_id
                where cs.item_id = ?1 and m.status in """ + OPEN_SQL, itemId);
    }

    /** Recomputes the checklists of the open mobilities that asked for this session. */
    @Transactional
    public int recomputeForSession(UUID sessionId) {
        return recomputeAll("""
                select distinct m.id, m.status, m.receiving_institution, m.agreement_id from mobility m
                join mobility_session ms on ms.mobility_id = m.id where ms.session_id = ?1 and m.status in """ + OPEN_SQL, sessionId);
    }

    /** Recomputes the checklists of the open mobilities this institution receives. */
    @Transactional
    public int recomputeForInstitution(String institution) {
        return recomputeAll("select id, status, receiving_institution, agreement_id from mobility where receiving_institution = ?1 and status in "
                + OPEN_SQL, institution);
    }

    /** Recomputes the checklists of the agreement's open mobilities. */
    @Transactional
    public int recomputeForAgreement(UUID agreementId) {
        return recomputeAll("select id, status, receiving_institution, agreement_id from mobility where agreement_id = ?1 and status in "
                + OPEN_SQL, agreementId);
    }

    /**
     * The mobilities are read as the few columns a checklist needs, not as entities: a persistence context holding
     * a thousand mobilities would be checked for changes before each of the thousands of queries that follow.
     */
    @SuppressWarnings("unchecked")
    private int recomputeAll(String select, Object parameter) {
        List<Object[]> rows = entityManager.createNativeQuery(select).setParameter(1, parameter).getResultList();
        for (Object[] row : rows) {
            recompute(new Target((UUID) row[0], MobilityStatus.valueOf((String) row[1]), (String) row[2], (UUID) row[3]));
        }
        return rows.size();
    }

    /** What a recomputation needs of a mobility. */
    private record Target(UUID id, MobilityStatus status, String receivingInstitution, UUID agreementId) {
    }

    /**
     * Derives the lines again, keeps them, and publishes ChecklistCompleted if the checklist just became complete.
     * A closed mobility (rejected, cancelled, completed) keeps the lines it had.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Checklist recompute(Mobility mobility) {
        return recompute(new Target(mobility.id, mobility.status, mobility.receivingInstitution, mobility.agreementId));
    }

    private Checklist recompute(Target mobility) {
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        insert into checklist (mobility_id, recomputed_at) values (?1, ?2)
                        on conflict (mobility_id) do nothing""")
                .setParameter(1, mobility.id()).setParameter(2, Timestamp.from(now)).executeUpdate();
        if (OPEN.contains(mobility.status())) {
            writeLines(mobility.id(), Requirement.merged(required(mobility)), now);
        }
        var checklist = read(mobility.id());
        refreshCompletion(mobility.id(), checklist, now);
        return checklist;
    }

    /** Publishes ChecklistCompleted when the checklist becomes complete; remembers when it no longer is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshCompletion(UUID mobilityId, Checklist checklist, Instant now) {
        boolean complete = checklist.complete();
        int changed = entityManager.createNativeQuery("update checklist set complete = ?2 where mobility_id = ?1 and complete <> ?2")
                .setParameter(1, mobilityId).setParameter(2, complete).executeUpdate();
        if (changed > 0 && complete) {
            outbox.append(mobilityId, new ChecklistCompleted(mobilityId,
                    checklist.lines().stream().map(l -> l.requirement().kind()).toList(), now));
        }
    }

    /** What the mobility's sessions' items, its receiving institution and its agreement ask for. */
    @SuppressWarnings("unchecked")
    private List<Requirement> required(Target mobility) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select r.kind, r.valid_for_whole_stay, r.checked_by from mobility_session ms
                        join catalogue_session cs on cs.session_id = ms.session_id
                        join catalogue_requirement r on r.item_id = cs.item_id
                        where ms.mobility_id = ?1 and ms.seat in ('REQUESTED', 'HELD')
                        union all
                        select kind, valid_for_whole_stay, checked_by from institution_requirement where institution = ?2
                        union all
                        select kind, valid_for_whole_stay, checked_by from agreement_requirement where agreement_id = ?3
                        order by 1""")
                .setParameter(1, mobility.id()).setParameter(2, mobility.receivingInstitution())
                .setParameter(3, mobility.agreementId()).getResultList();
        return rows.stream().map(r -> new Requirement((String) r[0], (Boolean) r[1], Requirement.CheckedBy.valueOf((String) r[2])))
                .toList();
    }

    private void writeLines(UUID mobilityId, List<Requirement> requirements, Instant now) {
        entityManager.createNativeQuery("delete from checklist_line where mobility_id = ?1").setParameter(1, mobilityId).executeUpdate();
        for (Requirement r : requirements) {
            entityManager.createNativeQuery("""
                            insert into checklist_line (mobility_id, kind, valid_for_whole_stay, checked_by) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, mobilityId).setParameter(2, r.kind()).setParameter(3, r.validForWholeStay())
                    .setParameter(4, r.checkedBy().name()).executeUpdate();
        }
        entityManager.createNativeQuery("update checklist set recomputed_at = ?2 where mobility_id = ?1")
                .setParameter(1, mobilityId).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    /** The kept lines, each with its current document, and the exception if any. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public Checklist read(UUID mobilityId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select kind, valid_for_whole_stay, checked_by from checklist_line where mobility_id = ?1 order by kind""")
                .setParameter(1, mobilityId).getResultList();
        // no flush first (a batch would check its whole persistence context each time): who changed a document flushed it
        Map<String, Document> current = entityManager.createQuery(
                        "from Document where mobilityId = ?1 and current = true", Document.class)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, mobilityId).getResultStream().collect(Collectors.toMap(d -> d.kind, Function.identity()));
        List<Checklist.Line> lines = new ArrayList<>();
        for (Object[] r : rows) {
            var requirement = new Requirement((String) r[0], (Boolean) r[1], Requirement.CheckedBy.valueOf((String) r[2]));
            lines.add(new Checklist.Line(requirement, current.get(requirement.kind())));
        }
        List<Object[]> exception = entityManager.createNativeQuery("""
                select exception_reason, exception_by, exception_at from checklist where mobility_id = ?1 and exception_reason is not null""")
                .setParameter(1, mobilityId).getResultList();
        return new Checklist(List.copyOf(lines), exception.isEmpty() ? null
                : new Checklist.StartException((String) exception.get(0)[0], (String) exception.get(0)[1], instant(exception.get(0)[2])));
    }

    /** A timestamptz as a native query returns it. */
    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    /** The refusal of a start, with the lines that stop it (answered by DocumentProblemMappers). */
    public static final class StartRefused extends ProblemException {

        private final transient List<Checklist.Line> lines;

        StartRefused(List<Checklist.Line> lines) {
            super(DocumentProblems.CHECKLIST_INCOMPLETE, lines.size());
            this.lines = List.copyOf(lines);
        }

        public List<Checklist.Line> lines() {
            return lines;
        }
    }
}
