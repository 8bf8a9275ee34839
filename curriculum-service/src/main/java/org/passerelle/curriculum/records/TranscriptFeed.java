package org.passerelle.curriculum.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.feed.ChangeFeed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mobilities whose transcript changed - issued, corrected, recognised at home - in the order they changed (the
 * runtime's {@link ChangeFeed}: a cursor never skips a change). An institution sees the transcripts of the mobilities
 * it sends or receives.
 */
@ApplicationScoped
public class TranscriptFeed {

    private static final ChangeFeed FEED = new ChangeFeed("transcript_change", "mobility_id",
            "exists (select 1 from mobility_copy m where m.mobility_id = t.mobility_id"
                    + " and (m.sending_institution = :me or m.receiving_institution = :me))");

    /** One batch of changes and the cursor to ask for the next one. */
    public record Changes(List<Records.History> items, String nextCursor) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Records records;

    @Transactional
    public Changes since(Instant changedSince, String cursor, Records.Viewer viewer, int limit) {
        var batch = FEED.since(entityManager, changedSince, cursor, viewer.institution(), limit);
        List<Records.History> items = batch.ids().stream().map((UUID id) -> records.history(id, viewer)).toList();
        return new Changes(items, batch.nextCursor());
    }
}
