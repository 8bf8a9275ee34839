package org.passerelle.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;

/**
 * Catalogue items and sessions in the order they changed (the runtime's {@link ChangeFeed}: a cursor never skips a
 * change). The catalogue is read by every institution, so each feed holds every item or session. A session changes
 * when a seat is held or released (its free seats), an item when its requirements change (migration V70).
 */
@ApplicationScoped
public class CatalogueFeed {

    private static final ChangeFeed ITEMS = new ChangeFeed("catalogue_item", "true");
    private static final ChangeFeed SESSIONS = new ChangeFeed("catalogue_session", "true");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes<T>(List<T> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes<CatalogueItem> items(Instant changedSince, String cursor, int limit) {
        var batch = ITEMS.since(entityManager, changedSince, cursor, null, limit);
        return new Changes<>(ChangeFeed.load(entityManager, CatalogueItem.class, "id", batch), batch.nextCursor());
    }

    @Transactional
    public Changes<Session> sessions(Instant changedSince, String cursor, int limit) {
        var batch = SESSIONS.since(entityManager, changedSince, cursor, null, limit);
        return new Changes<>(ChangeFeed.load(entityManager, Session.class, "id", batch), batch.nextCursor());
    }
}
