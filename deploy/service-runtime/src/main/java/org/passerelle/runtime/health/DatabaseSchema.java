package org.passerelle.runtime.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Brings the service's database schema up to date with its Flyway migrations, and waits for the database
 * if it is not there yet: the service starts anyway, reports not-ready naming the database, logs one line
 * (not a stack trace per attempt) and becomes ready by itself once the database answers.
 */
@Readiness
@ApplicationScoped
public class DatabaseSchema implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(3);
    private static final Duration REMIND_EVERY = Duration.ofMinutes(1);

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    private volatile boolean upToDate;
    private volatile String waitingReason = "migrations not run yet";
    private volatile boolean shuttingDown;
    private Thread migrator;

    void onStart(@Observes StartupEvent event) {
        migrator = new Thread(this::migrateWhenReachable, "database-schema");
        migrator.setDaemon(true);
        migrator.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
        if (migrator != null) {
            migrator.interrupt();
        }
    }

    private void migrateWhenReachable() {
        long lastWarning = 0;
        while (!upToDate && !shuttingDown) {
            try {
                // the service's own migrations first: Flyway expects an empty schema for their first run
                var result = flyway.migrate();
                runtimeTables().migrate();
                upToDate = true;
                LOG.infof("Database %s is up to date (schema version %s, %d migration(s) applied now)",
                        databaseUrl, flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                        result.migrationsExecuted);
            } catch (RuntimeException e) {
                waitingReason = rootMessage(e);
                if (System.nanoTime() - lastWarning > REMIND_EVERY.toNanos() || lastWarning == 0) {
                    LOG.warnf("Waiting for database %s: %s (retrying every %d s)", databaseUrl, waitingReason,
                            RETRY_EVERY.toSeconds());
                    lastWarning = System.nanoTime();
                }
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /**
     * The runtime's own tables (outbox, processed events) have their own migrations and history table, so
     * that their versions never mix with the service's.
     */
    private Flyway runtimeTables() {
        return Flyway.configure()
                .dataSource(flyway.getConfiguration().getDataSource())
                .locations("classpath:db/passerelle-runtime")
                .table("flyway_runtime_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isUpToDate() {
        return upToDate;
    }

    /** Blocks until the schema is up to date; false if the service stops first. */
    public boolean awaitUpToDate() {
        try {
            while (!upToDate && !shuttingDown) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return upToDate;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database schema").withData("database", databaseUrl);
        return upToDate ? response.up().build() : response.down().withData("waiting for", waitingReason).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
