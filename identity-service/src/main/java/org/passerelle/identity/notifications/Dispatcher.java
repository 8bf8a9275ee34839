package org.passerelle.identity.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.runtime.health.DatabaseSchema;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries: one thread claims them from the queue in PostgreSQL, a bounded pool sends them. At most
 * {@code per-subscription} deliveries of one subscription are in flight at a time, so a slow or dead receiver holds
 * only its own share of the pool, and each attempt ends within the timeout. A failed delivery is tried again after
 * an exponential backoff with jitter until {@code retry-for} has passed since it was queued; then it fails for good,
 * its subscription is marked failing and the institution's coordinators are told by mail.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    @Readiness
    DatabaseSchema schema;

    @Inject
    Deliveries deliveries;

    @Inject
    Subscriptions subscriptions;

    @Inject
    WebhookSender sender;

    @Inject
    MailNotifications mail;

    @ConfigProperty(name = "passerelle.webhooks.poll", defaultValue = "PT0.5S")
    Duration poll;

    /**
     * After a wake-up, how long to gather others before claiming: deliveries ending together free their places for
     * one claim rather than one claim each.
     */
    @ConfigProperty(name = "passerelle.webhooks.gather", defaultValue = "PT0.01S")
    Duration gather;

    @ConfigProperty(name = "passerelle.webhooks.per-subscription", defaultValue = "4")
    int perSubscription;

    @ConfigProperty(name = "passerelle.webhooks.senders", defaultValue = "32")
    int senders;

    @ConfigProperty(name = "passerelle.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    /**
     * How long past the timeout a claimed delivery stays claimed: the time to record its attempt. A delivery whose
     * dispatcher died (killed between sending and recording) is due again when the lease ends.
     */
    @ConfigProperty(name = "passerelle.webhooks.lease-margin", defaultValue = "PT30S")
    Duration leaseMargin;

    @ConfigProperty(name = "passerelle.webhooks.retry-for", defaultValue = "PT24H")
    Duration retryFor;

    @ConfigProperty(name = "passerelle.webhooks.backoff-first", defaultValue = "PT10S")
    Duration backoffFirst;

    @ConfigProperty(name = "passerelle.webhooks.backoff-longest", defaultValue = "PT1H")
    Duration backoffLongest;

    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService pool;
    private Thread loop;
    private Instant nextPurge = Instant.now();

    void start(@Observes StartupEvent started) {
        running = true;
        pool = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        wakeUp.release();
        if (pool != null) {
            pool.shutdownNow();
        }
        // deliveries in flight stay claimed until their lease ends, then any instance sends them again
    }

    /** New deliveries are queued: look now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        Backoff backoff = new Backoff(backoffFirst, backoffLongest);
        if (!schema.awaitUpToDate()) {
            return; // stopped before the database was there
        }
        while (running) {
            try {
                int claimed = dispatchDue(backoff);
                purgeNowAndThen();
                if (claimed == 0) {
                    if (wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                        Thread.sleep(gather.toMillis());
                    }
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database is away or the schema not there yet: try again at the next poll
                LOG.debugf("webhook dispatch paused: %s", e.getMessage());
                sleep(poll.multipliedBy(4));
            }
        }
    }

    private int dispatchDue(Backoff backoff) {
        int free = senders - sending.get();
        if (free <= 0) {
            sleep(Duration.ofMillis(20));
            return 0;
        }
        Map<UUID, Integer> busy = new HashMap<>();
        inFlight.forEach((subscription, count) -> {
            if (count.get() > 0) {
                busy.put(subscription, count.get());
            }
        });
        List<Deliveries.Claimed> claimed = deliveries.claim(free, perSubscription, busy, timeout.plus(leaseMargin));
        for (Deliveries.Claimed delivery : claimed) {
            inFlight.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
            sending.incrementAndGet();
            pool.execute(() -> {
                try {
                    attempt(delivery, backoff);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "delivery %s: the attempt could not be recorded; it is tried again after its lease", delivery.id());
                } finally {
                    inFlight.get(delivery.subscriptionId()).decrementAndGet();
                    sending.decrementAndGet();
                    wakeUp.release();
                }
            });
        }
        return claimed.size();
    }

    private void attempt(Deliveries.Claimed delivery, Backoff backoff) {
        var subscription = subscriptions.byId(delivery.subscriptionId()).orElse(null);
        String body = deliveries.cloudEvent(delivery.eventId());
        if (subscription == null || body == null) {
            return; // deleted meanwhile (retention): its delivery went with it
        }
        Deliveries.Outcome outcome = sender.send(subscription, delivery.eventId(), body);
        Instant now = Instant.now();
        boolean givingUp = !outcome.delivered() && !now.isBefore(delivery.createdAt().plus(retryFor));
        Instant retryAt = outcome.delivered() || givingUp ? null : now.plus(backoff.after(delivery.attempt()));
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.record(delivery, outcome, retryAt);
            if (outcome.delivered()) {
                subscriptions.markHealthy(subscription.id());
            } else if (givingUp && subscriptions.markFailing(subscription.id())) {
                mail.subscriptionFailing(subscription, outcome);
            }
        });
    }

    private void purgeNowAndThen() {
        if (Instant.now().isAfter(nextPurge)) {
            nextPurge = Instant.now().plus(Duration.ofHours(1));
            int purged = deliveries.purge();
            if (purged > 0) {
                LOG.infof("webhooks: %d events older than the retention period forgotten", purged);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
