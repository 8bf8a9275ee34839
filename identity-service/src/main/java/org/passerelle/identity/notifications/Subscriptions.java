package org.passerelle.identity.notifications;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.identity.RegisteredInstitutions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions: created, read, rotated, enabled and disabled within the caller's institution. */
@ApplicationScoped
public class Subscriptions {

    /** What a subscription is created with; eventTypes null or empty: all. */
    public record Request(String institution, String url, List<String> eventTypes, String description) {
    }

    /** A subscription with a secret shown once (creation, rotation). */
    public record WithSecret(Subscription subscription, String secret) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegisteredInstitutions institutions;

    /** The local platform (devstack, tests): http and private addresses allowed, since receivers run beside it. */
    @ConfigProperty(name = "passerelle.webhooks.local-targets", defaultValue = "false")
    boolean localTargets;

    @ConfigProperty(name = "passerelle.webhooks.rotation-grace", defaultValue = "PT24H")
    Duration rotationGrace;

    /**
     * Creates a subscription of the caller's institution ({@code actingFor}; null for the international office, which
     * names the institution).
     */
    @Transactional
    public WithSecret create(Request request, String actingFor) {
        String institution = check(request, actingFor);
        List<String> types = request.eventTypes() == null || request.eventTypes().isEmpty() ? null
                : List.copyOf(new LinkedHashSet<>(request.eventTypes()));
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into webhook_subscription (id, institution_code, url, event_types, description, secret)
                     values (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, institution);
            insert.setString(3, request.url().strip());
            insert.setArray(4, Jdbc.texts(c, types));
            insert.setString(5, request.description());
            insert.setString(6, secret);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
        return new WithSecret(find(id, actingFor), secret);
    }

    private String check(Request request, String actingFor) {
        var problems = new InvalidFieldsException.Collector();
        String institution = request.institution() == null || request.institution().isBlank() ? actingFor : request.institution().strip();
        if (actingFor == null) {
            problems.check(institution != null, "institution", "webhook.institution-needed");
            problems.check(institution == null || institutions.isKnown(institution), "institution", "person.unknown-institution", institution);
        } else {
            problems.check(actingFor.equals(institution), "institution", "webhook.institution-not-own", institution);
        }
        TargetUrl.refusal(request.url(), localTargets).ifPresent(reason -> problems.check(false, "url", reason));
        if (request.eventTypes() != null) {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                String type = request.eventTypes().get(i);
                problems.check(Audience.DELIVERED_TYPES.contains(type), "eventTypes[" + i + "]", "webhook.event-type-unknown", type);
            }
        }
        problems.throwIfAny();
        return institution;
    }

    /** One subscription within reach of the caller; another institution's is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription find(UUID id, String actingFor) {
        return byId(id).filter(s -> actingFor == null || s.institution().equals(actingFor))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Subscription> byId(UUID id) {
        return query("select * from webhook_subscription where id = ?", id).stream().findFirst();
    }

    /** The subscriptions of an institution (all for the international office), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Subscription> list(String actingFor, PageRequest page) {
        String where = actingFor == null ? "" : " where institution_code = ?";
        List<Object> parameters = actingFor == null ? new ArrayList<>() : new ArrayList<>(List.of(actingFor));
        long total = count("select count(*) from webhook_subscription" + where, parameters.toArray());
        parameters.add(page.size);
        parameters.add(page.offset());
        return Page.of(query("select * from webhook_subscription" + where + " order by created_at, id limit ? offset ?",
                parameters.toArray()), page, total);
    }

    /** The enabled subscriptions that may hear of events of this type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Subscription> listening() {
        return query("select * from webhook_subscription where enabled");
    }

    /** A new secret, shown once; the previous one still signs during the grace period. */
    @Transactional
    public WithSecret rotate(UUID id, String actingFor) {
        Subscription current = find(id, actingFor);
        String secret = WebhookSignature.newSecret();
        update("""
                update webhook_subscription set previous_secret = secret, previous_secret_until = ?, secret = ?,
                secret_rotated_at = now() where id = ?""", Jdbc.timestamp(Instant.now().plus(rotationGrace)), secret, current.id());
        return new WithSecret(find(id, actingFor), secret);
    }

    @Transactional
    public Subscription enable(UUID id, String actingFor, boolean enabled) {
        Subscription current = find(id, actingFor);
        update("update webhook_subscription set enabled = ? where id = ?", enabled, current.id());
        return find(id, actingFor);
    }

    /** Marks the subscription failing; true when it was healthy until now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markFailing(UUID id) {
        return update("update webhook_subscription set status = 'FAILING', failing_since = now() where id = ? and status = 'HEALTHY'", id) == 1;
    }

    /** A delivery went through: the subscription is healthy again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markHealthy(UUID id) {
        update("update webhook_subscription set status = 'HEALTHY', failing_since = null where id = ? and status = 'FAILING'", id);
    }

    boolean localTargets() {
        return localTargets;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private List<Subscription> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Subscription> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(read(row));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Subscription read(ResultSet row) throws SQLException {
        return new Subscription(row.getObject("id", UUID.class), row.getString("institution_code"), row.getString("url"),
                Jdbc.texts(row, "event_types"), row.getString("description"), row.getString("secret"),
                row.getString("previous_secret"), Jdbc.instant(row, "previous_secret_until"), row.getBoolean("enabled"),
                Subscription.Status.valueOf(row.getString("status")), Jdbc.instant(row, "failing_since"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "secret_rotated_at"));
    }
}
