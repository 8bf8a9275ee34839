package org.passerelle.mobility.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;

/**
 * Learning agreements in the order they changed (the runtime's {@link ChangeFeed}: a cursor never skips a change).
 * A proposal, an approval or a withdrawal changes the learning agreement (migration V70). An institution sees the
 * learning agreements of the mobilities it sends or receives.
 */
@ApplicationScoped
public class LearningAgreementFeed {

    private static final ChangeFeed FEED = new ChangeFeed("learning_agreement", "mobility_id",
            "exists (select 1 from mobility m where m.id = t.mobility_id"
                    + " and (m.sending_institution = :me or m.receiving_institution = :me))");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<LearningAgreement> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Changes since(Instant changedSince, String cursor, String visibleTo, int limit) {
        var batch = FEED.since(entityManager, changedSince, cursor, visibleTo, limit);
        return new Changes(ChangeFeed.load(entityManager, LearningAgreement.class, "mobilityId", batch), batch.nextCursor());
    }
}
