package org.passerelle.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /** The sessions of an item, earliest first. */
    public List<Session> ofItem(UUID itemId) {
        return find("itemId = :item", Sort.by("startDate").and("id"), Parameters.with("item", itemId)).list();
    }

    /** The sessions of an item, each locked as {@link #lockedForChange} locks one. */
    public List<Session> lockedOfItem(UUID itemId) {
        return find("itemId = :item", Sort.by("id"), Parameters.with("item", itemId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The session with its row locked until the transaction ends: its seat count is then the committed one and
     * no hold changes it meanwhile (holds wait for the lock), so capacity and withdrawal are checked against it.
     */
    public Optional<Session> lockedForChange(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** What a bulk sent under this creation key created, by row. */
    public java.util.Map<Integer, UUID> createdUnder(UUID creationKey) {
        return find("creationKey", creationKey).stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.creationRow, e -> e.id));
    }
}
