package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;

/**
 * Agreements in the order they changed (the runtime's {@link ChangeFeed}: a cursor never skips a change). A change
 * to a party's approval, a condition or a version changes the agreement (migration V70). An institution sees the
 * agreements it is party to.
 */
@ApplicationScoped
public class AgreementFeed {

    private static final ChangeFeed FEED = new ChangeFeed("agreement",
            "exists (select 1 from agreement_party p where p.agreement_id = t.id and p.institution = :me)");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<Agreement> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes since(Instant changedSince, String cursor, String visibleTo, int limit) {
        var batch = FEED.since(entityManager, changedSince, cursor, visibleTo, limit);
        return new Changes(ChangeFeed.load(entityManager, Agreement.class, "id", batch), batch.nextCursor());
    }
}
