package org.passerelle.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The use cases of the catalogue and its sessions: each loads the item or session, calls the aggregate (which enforces
 * the rules and returns the events its change causes) and hands the events to {@link DomainEvents}; the change and its
 * events commit together.
 */
@ApplicationScoped
public class CatalogueService {

    @Inject
    CatalogueItemRepository items;

    @Inject
    SessionRepository sessions;

    @Inject
    DomainEvents events;

    @Transactional
    public CatalogueItem publish(CatalogueItem.Details details) {
        return publish(details, null, null);
    }

    /** A publication that is row {@code row} of a bulk sent under {@code creationKey} (both null otherwise). */
    @Transactional
    public CatalogueItem publish(CatalogueItem.Details details, UUID creationKey, Integer row) {
        var published = CatalogueItem.publish(details, Instant.now());
        var item = published.item();
        item.creationKey = creationKey;
        item.creationRow = creationKey == null ? null : row;
        items.persist(item);
        events.publish(published.events());
        return item;
    }

    /** Revises an item the caller read at {@code expectedVersion}; 412 if it changed since. */
    @Transactional
    public CatalogueItem revise(UUID id, long expectedVersion, Caller caller, CatalogueItem.Details details) {
        var item = item(id);
        requireVersion(item.version, expectedVersion);
        requireMaySupervise(caller, item);
        var changed = item.revise(details, Instant.now());
        requireMaySupervise(caller, item);   // a supervisor cannot hand their item to someone else
        events.publish(changed);
        return item;
    }

    /** Withdraws the item and its sessions; refused while a session has holders. */
    @Transactional
    public CatalogueItem withdrawItem(UUID id, long expectedVersion, Caller caller) {
        var item = item(id);
        requireVersion(item.version, expectedVersion);
        requireMaySupervise(caller, item);
        events.publish(item.withdraw(sessions.lockedOfItem(id), Instant.now()));
        return item;
    }

    @Transactional
    public Session plan(UUID itemId, Caller caller, String academicYear, LocalDate start, LocalDate end, int capacity) {
        return plan(itemId, caller, academicYear, start, end, capacity, null, null);
    }

    /** A session planned as row {@code row} of a bulk sent under {@code creationKey} (both null otherwise). */
    @Transactional
    public Session plan(UUID itemId, Caller caller, String academicYear, LocalDate start, LocalDate end, int capacity,
                        UUID creationKey, Integer row) {
        var item = item(itemId);
        requireMaySupervise(caller, item);
        var session = Session.plan(item, academicYear, start, end, capacity);
        session.creationKey = creationKey;
        session.creationRow = creationKey == null ? null : row;
        sessions.persist(session);
        return session;
    }

    @Transactional
    public Session reschedule(UUID id, long expectedVersion, Caller caller, String academicYear, LocalDate start,
                              LocalDate end, int capacity) {
        var session = sessionToChange(id, expectedVersion, caller);
        session.reschedule(academicYear, start, end, capacity);
        return session;
    }

    @Transactional
    public Session open(UUID id, long expectedVersion, Caller caller) {
        var session = sessionToChange(id, expectedVersion, caller);
        events.publish(session.open(item(session.itemId), Instant.now()));
        return session;
    }

    @Transactional
    public Session close(UUID id, long expectedVersion, Caller caller) {
        var session = sessionToChange(id, expectedVersion, caller);
        events.publish(session.close(Instant.now()));
        return session;
    }

    @Transactional
    public Session withdrawSession(UUID id, long expectedVersion, Caller caller) {
        var session = sessionToChange(id, expectedVersion, caller);
        events.publish(session.withdraw(Instant.now()));
        return session;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogueItem item(UUID id) {
        return items.findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Session session(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /** The international office changes every item; a supervisor only the items they supervise. */
    private static void requireMaySupervise(Caller caller, CatalogueItem item) {
        if (!caller.isInternationalOffice() && !item.isSupervisedBy(caller.subject())) {
            throw new ProblemException(CurriculumProblems.NOT_SUPERVISOR, item.id);
        }
    }

    private Session sessionToChange(UUID id, long expectedVersion, Caller caller) {
        var session = sessions.lockedForChange(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
        requireVersion(session.version, expectedVersion);
        requireMaySupervise(caller, item(session.itemId));
        return session;
    }

    private static void requireVersion(long version, long expectedVersion) {
        if (version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
    }
}
