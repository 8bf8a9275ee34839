package org.passerelle.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Keeps one service running once the platform is up: a service that ends on its own (a crash, the OOM killer)
 * is reported and started again after the {@link RestartPolicy}'s delay, and reported again once ready.
 */
final class ServiceSupervisor {

    private final ServiceProcess service;
    private final Consumer<String> report;
    private final RestartPolicy policy = new RestartPolicy();
    private long startedAt;
    private long restartDueAt = -1;
    private boolean awaitingReady;

    ServiceSupervisor(ServiceProcess service, Consumer<String> report, long startedAt) {
        this.service = service;
        this.report = report;
        this.startedAt = startedAt;
    }

    /** Called every second or so, {@code now} from System.nanoTime(): notices an end, restarts when due. */
    void check(long now) throws IOException {
        if (restartDueAt >= 0) {
            if (now >= restartDueAt) {
                restart(now);
            }
        } else if (!service.isAlive()) {
            Duration ranFor = Duration.ofNanos(now - startedAt);
            Duration delay = policy.delayAfter(ranFor);
            report.accept(String.format("%s ended with code %d after %d s; starting it again in %d s (restart %d); see %s",
                    service.name(), service.exitValue(), ranFor.toSeconds(), delay.toSeconds(), policy.restarts(),
                    service.logFile()));
            restartDueAt = now + delay.toNanos();
        } else if (awaitingReady && service.isReady()) {
            awaitingReady = false;
            report.accept(String.format("%s ready again (restart %d)", service.name(), policy.restarts()));
        }
    }

    private void restart(long now) throws IOException {
        restartDueAt = -1;
        startedAt = now;
        awaitingReady = true;
        report.accept("starting " + service.name() + " again on port " + service.port());
        service.start();
    }

    int restarts() {
        return policy.restarts();
    }
}
