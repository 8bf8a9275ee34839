package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;

/**
 * Documents in the order they changed: handed in, accepted, rejected, expired (the runtime's {@link ChangeFeed}: a
 * cursor never skips a change). An institution sees the documents of the mobilities it sends or receives.
 */
@ApplicationScoped
public class DocumentFeed {

    private static final ChangeFeed FEED = new ChangeFeed("document",
            "exists (select 1 from mobility m where m.id = t.mobility_id"
                    + " and (m.sending_institution = :me or m.receiving_institution = :me))");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<Document> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes since(Instant changedSince, String cursor, String visibleTo, int limit) {
        var batch = FEED.since(entityManager, changedSince, cursor, visibleTo, limit);
        return new Changes(ChangeFeed.load(entityManager, Document.class, "id", batch), batch.nextCursor());
    }
}
