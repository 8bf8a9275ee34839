package org.passerelle.identity.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.passerelle.identity.InstitutionService;
import org.passerelle.runtime.health.DatabaseSchema;

/**
 * The migrations seed the founding institutions, but cannot write their events: the outbox table is created
 * after the service's own migrations. Once the schema is up to date, this step publishes InstitutionRegistered
 * for each institution that never had it, so that the other services learn the seeded ones too.
 */
@ApplicationScoped
public class SeededInstitutionsAnnouncement {

    private static final Logger LOG = Logger.getLogger(SeededInstitutionsAnnouncement.class);
    private static final java.time.Duration RETRY = java.time.Duration.ofSeconds(5);

    @Inject
    @Readiness
    DatabaseSchema schema;

    @Inject
    InstitutionService institutions;

    void onStart(@Observes StartupEvent event) {
        var announcer = new Thread(this::announceWhenMigrated, "seeded-institutions-announcement");
        announcer.setDaemon(true);
        announcer.start();
    }

    private void announceWhenMigrated() {
        while (schema.awaitUpToDate()) {
            try {
                int announced = institutions.announceSeeded();
                if (announced > 0) {
                    LOG.infof("Announced %d seeded institution(s) with InstitutionRegistered", announced);
                }
                return;
            } catch (RuntimeException e) {
                // the rows stay unannounced until their events are in the outbox: try again
                LOG.warnf("Could not announce the seeded institutions yet, retrying in %d s: %s", RETRY.toSeconds(),
                        e.getMessage());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
