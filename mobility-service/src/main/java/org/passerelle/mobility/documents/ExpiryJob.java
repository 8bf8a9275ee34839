package org.passerelle.mobility.documents;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.documents.events.DocumentExpired;
import org.passerelle.mobility.documents.events.DocumentExpiring;
import org.passerelle.runtime.events.Outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Once a day: accepted documents whose validity ended are marked EXPIRED (DocumentExpired), and 30, then 7 days
 * before an accepted document of an open mobility expires inside the stay or before it starts, DocumentExpiring
 * reminds the student and both coordinators. Each reminder is sent once, whatever how often the job runs.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    /** Days before the expiry at which a reminder goes, latest last. */
    static final List<Integer> REMINDERS = List.of(30, 7);

    /** What one run did. */
    public record Run(int expired, int reminded) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Checklists checklists;

    @Inject
    Outbox outbox;

    /** Whose "today" it is: validity dates are the calendar days of the home institution. */
    @ConfigProperty(name = "passerelle.documents.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Scheduled(cron = "{passerelle.documents.expiry-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        var run = run(LocalDate.now(zone));
        LOG.infof("Document expiry: %d expired, %d reminders", run.expired(), run.reminded());
    }

    @Transactional
    public Run run(LocalDate today) {
        Instant now = Instant.now();
        List<Document> ended = entityManager.createQuery("""
                        from Document where current = true and status = ?1 and validUntil < ?2 order by mobilityId""", Document.class)
                .setParameter(1, DocumentStatus.ACCEPTED).setParameter(2, today).getResultList();
        for (Document d : ended) {
            d.status = DocumentStatus.EXPIRED;
            outbox.append(d.mobilityId, new DocumentExpired(d.id, d.mobilityId, d.kind, d.validUntil, now));
        }
        entityManager.flush();
        ended.stream().map(d -> d.mobilityId).distinct()
                .forEach(m -> checklists.refreshCompletion(m, checklists.read(m), now));
        return new Run(ended.size(), remind(today));
    }

    private int remind(LocalDate today) {
        List<Object[]> due = entityManager.createQuery("""
                        select d, m from Document d, Mobility m where m.id = d.mobilityId and d.current = true and d.status = ?1
                        and d.validUntil between ?2 and ?3 and d.validUntil < m.plannedDeparture
                        and m.status in (org.passerelle.mobility.MobilityStatus.NOMINATED, org.passerelle.mobility.MobilityStatus.ACCEPTED,
                                         org.passerelle.mobility.MobilityStatus.IN_PROGRESS)""", Object[].class)
                .setParameter(1, DocumentStatus.ACCEPTED).setParameter(2, today).setParameter(3, today.plusDays(REMINDERS.get(0)))
                .getResultList();
        int sent = 0;
        for (Object[] row : due) {
            var d = (Document) row[0];
            var m = (Mobility) row[1];
            Integer reminder = reminderDue(today, d.validUntil, d.remindedDays);
            if (reminder != null) {
                d.remindedDays = reminder;
                outbox.append(m.id, new DocumentExpiring(d.id, m.id, d.kind, d.validUntil, reminder,
                        m.sendingInstitution, m.receivingInstitution, m.plannedDeparture));
                sent++;
            }
        }
        return sent;
    }

    /**
     * The reminder due today for a validity ending on {@code validUntil}: the closest of 30 and 7 days that has been
     * reached and not yet sent; null when none is (a reminder missed by a job that did not run is sent late, once).
     */
    static Integer reminderDue(LocalDate today, LocalDate validUntil, Integer alreadySent) {
        long daysLeft = ChronoUnit.DAYS.between(today, validUntil);
        Integer due = null;
        for (int days : REMINDERS) {
            if (daysLeft <= days) {
                due = days;
            }
        }
        return due != null && (alreadySent == null || due < alreadySent) ? due : null;
    }
}
