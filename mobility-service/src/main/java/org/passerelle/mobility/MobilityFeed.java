package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;

/**
 * Mobilities in the order they changed, for integration scripts that poll (the runtime's {@link ChangeFeed}: a
 * cursor never skips a change). An institution sees the mobilities it sends or receives.
 */
@ApplicationScoped
public class MobilityFeed {

    private static final ChangeFeed FEED = new ChangeFeed("mobility",
            "t.sending_institution = :me or t.receiving_institution = :me");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<Mobility> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes since(Instant changedSince, String cursor, String visibleTo, int limit) {
        var batch = FEED.since(entityManager, changedSince, cursor, visibleTo, limit);
        return new Changes(ChangeFeed.load(entityManager, Mobility.class, "id", batch), batch.nextCursor());
    }
}
