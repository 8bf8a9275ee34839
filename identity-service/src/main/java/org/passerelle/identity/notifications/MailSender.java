package org.passerelle.identity.notifications;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends the queued mail through the SMTP server (Quarkus Mailer), a few at a time, and marks each sent. A mail the
 * server refuses is tried again later, after a wait that doubles up to an hour; a mail whose sending died with the
 * service is sent again (at least once).
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @Inject
    @Readiness
    DatabaseSchema schema;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "passerelle.mail.poll", defaultValue = "PT1S")
    Duration poll;

    private volatile boolean running;
    private Thread loop;

    void start(@Observes StartupEvent started) {
        running = true;
        loop = new Thread(this::run, "mail-sender");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    private void run() {
        if (!schema.awaitUpToDate()) {
            return; // stopped before the database was there
        }
        while (running) {
            try {
                Thread.sleep(poll.toMillis());
                while (running && QuarkusTransaction.requiringNew().call(this::sendOne)) {
                    // until none is due
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debugf("mail sending paused: %s", e.getMessage());
            }
        }
    }

    /** Sends the next due mail; false when none is due. */
    private boolean sendOne() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select id, recipient, subject, body, attempts from outgoing_mail
                     where sent_at is null and next_attempt_at <= now() order by created_at limit 1 for update skip locked""")) {
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                UUID id = row.getObject(1, UUID.class);
                int attempts = row.getInt(5);
                try {
                    mailer.send(Mail.withText(row.getString(2), row.getString(3), row.getString(4)));
                    mark(c, "update outgoing_mail set sent_at = now(), attempts = attempts + 1 where id = ?", id);
                } catch (RuntimeException refused) {
                    LOG.warnf("mail %s not sent (%s); tried again later", id, refused.getMessage());
                    long wait = Math.min(3600, 10L << Math.min(attempts, 20));
                    mark(c, "update outgoing_mail set attempts = attempts + 1, next_attempt_at = now() + interval '"
                            + wait + " seconds' where id = ?", id);
                }
                return true;
            }
        }
    }

    private static void mark(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
