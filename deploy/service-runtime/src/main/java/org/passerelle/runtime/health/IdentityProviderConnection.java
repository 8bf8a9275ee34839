package org.passerelle.runtime.health;

import io.quarkus.oidc.runtime.TenantConfigBean;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connects to the identity provider as soon as it is reachable. When Keycloak is down at start, quarkus-oidc
 * connects only on the first authenticated request, so readiness would stay DOWN until a client called and
 * failed. This retries in the background instead, so the service becomes ready by itself.
 */
@ApplicationScoped
public class IdentityProviderConnection {

    private static final Logger LOG = Logger.getLogger(IdentityProviderConnection.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(3);
    private static final Duration REMIND_EVERY = Duration.ofMinutes(1);

    // quarkus-oidc has no public API to retry the connection of a tenant; its tenant bean is the one hook
    @Inject
    TenantConfigBean tenants;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String providerUrl;

    private ScheduledExecutorService retries;
    private volatile boolean announced;
    private volatile long lastWarning = System.nanoTime();

    void onStart(@Observes StartupEvent event) {
        if (tenants.getDefaultTenant().ready()) {
            return;
        }
        LOG.warnf("Waiting for the identity provider %s (retrying every %d s)", providerUrl, RETRY_EVERY.toSeconds());
        retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "identity-provider-connection");
            thread.setDaemon(true);
            return thread;
        });
        retries.scheduleWithFixedDelay(this::connectIfNeeded, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private void connectIfNeeded() {
        var tenant = tenants.getDefaultTenant();
        if (tenant.ready()) {
            if (!announced) {
                announced = true;
                LOG.infof("Connected to the identity provider %s", providerUrl);
                retries.shutdown();
            }
            return;
        }
        try {
            tenant.initialize().await().atMost(RETRY_EVERY);
        } catch (RuntimeException stillUnreachable) {
            // readiness reports it; a reminder a minute is enough for the log
            if (System.nanoTime() - lastWarning > REMIND_EVERY.toNanos()) {
                LOG.warnf("Still waiting for the identity provider %s", providerUrl);
                lastWarning = System.nanoTime();
            }
        }
    }
}
