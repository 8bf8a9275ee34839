package org.passerelle.runtime.privacy;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records a change of personal data as {@link PersonalDataChanged}, in the outbox of the change's own transaction:
 * the change and its audit commit together or not at all.
 */
@ApplicationScoped
public class ChangeAudit {

    /** The actor of a change no caller asked for. */
    public static final String SYSTEM = "system";

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /**
     * @param resource the operation, as the audit log shows it, e.g. "POST /api/mobilities"
     * @param people   whose data it wrote
     * @param fields   the names of the fields it wrote (e.g. "email"), not their values
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String resource, Collection<UUID> people, Collection<String> fields) {
        List<UUID> personIds = people.stream().filter(Objects::nonNull).distinct().toList();
        if (personIds.isEmpty() || fields.isEmpty()) {
            return;
        }
        // a change made by the service itself (a scheduled job, an event) has no caller: its actor is the service
        boolean byRequest = Arc.container().requestContext().isActive();
        String actor = byRequest ? caller.subject() : SYSTEM;
        String institution = byRequest ? caller.institution().orElse(null) : null;
        outbox.append(actor == null ? "anonymous" : actor,
                new PersonalDataChanged(actor, institution, resource, personIds, List.copyOf(fields), Instant.now()));
    }
}
