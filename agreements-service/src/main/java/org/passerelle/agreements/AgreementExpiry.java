package org.passerelle.agreements;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Puts agreements whose last academic year is over in EXPIRED and publishes AgreementExpired. Every instance
 * of the service runs it; each agreement expires once because the rows are taken with {@code for update skip
 * locked} and the status is checked again under the lock.
 */
@ApplicationScoped
public class AgreementExpiry {

    private static final Logger LOG = Logger.getLogger(AgreementExpiry.class);
    /** SJTUSM's calendar decides when an academic year is over. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Scheduled(every = "${passerelle.agreements.expiry.every:1h}", delayed = "${passerelle.agreements.expiry.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireEnded() {
        int expired = expireEnded(shanghaiDay(Instant.now()));
        if (expired > 0) {
            LOG.infof("%d agreement(s) expired after their last academic year", expired);
        }
    }

    /** The day it is at SJTUSM at that instant: an academic year ends at midnight in Shanghai, 16:00 UTC. */
    static LocalDate shanghaiDay(Instant now) {
        return LocalDate.ofInstant(now, SHANGHAI);
    }

    /** Expires the agreements whose last academic year ended before {@code today}; answers how many. */
    @Transactional
    public int expireEnded(LocalDate today) {
        String current = AcademicYear.of(today);
        @SuppressWarnings("unchecked")
        List<UUID> ended = entityManager.createNativeQuery("""
                        select id from agreement
                        where status in ('ACTIVE', 'SUSPENDED') and last_academic_year < ?1
                        order by id limit 500 for update skip locked""", UUID.class)
                .setParameter(1, current)
                .getResultList();
        int expired = 0;
        for (UUID id : ended) {
            var expiry = entityManager.find(Agreement.class, id).expireIfEnded(current, Instant.now());
            if (!expiry.isEmpty()) {
                events.publish(expiry);
                expired++;
            }
        }
        return expired;
    }
}
