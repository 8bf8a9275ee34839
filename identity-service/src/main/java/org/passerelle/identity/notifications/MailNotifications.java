package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told what by mail: the coordinators of both institutions of a mobility when it is nominated, accepted,
 * rejected (with the reason) or cancelled; the student when it is accepted; when a learning agreement is proposed,
 * those whose approval it waits for (the coordinators of each awaited side, the student); the student and both
 * institutions' coordinators when a document of the mobility is rejected (with the reason) or expires in 30, then 7
 * days; an institution's coordinators when its webhook subscription fails. Each mail is written from a Qute template (templates/mail/) in the recipient's
 * language - the language of their institution's country: Chinese in China, French in France, English elsewhere -
 * and queued in the transaction of what it tells ({@link MailSender} sends it). Only a person whose record exists
 * and has an email address is written to: an erased person has no record any more.
 */
@ApplicationScoped
public class MailNotifications {

    /** A person mail can reach. */
    record Recipient(UUID personId, String email, String language) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Engine templates;

    /** Queues the mails an event calls for, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(String type, JsonNode data, Set<String> parties, UUID personId) {
        if (type.equals("passerelle.mobility.LearningAgreementProposed.v1")) {
            learningAgreementAwaiting(data, personId);
            return;
        }
        String kind = switch (type) {
            case "passerelle.mobility.MobilityNominated.v1" -> "mobility-nominated";
            case "passerelle.mobility.MobilityAccepted.v1" -> "mobility-accepted";
            case "passerelle.mobility.MobilityRejected.v1" -> "mobility-rejected";
            case "passerelle.mobility.MobilityCancelled.v1" -> "mobility-cancelled";
            case "passerelle.mobility.DocumentRejected.v1" -> "document-rejected";
            case "passerelle.mobility.DocumentExpiring.v1" -> "document-expiring";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String field : List.of("mobilityId", "mobilityType", "academicYear", "sendingInstitution", "receivingInstitution", "reason",
                "requirement", "validUntil", "daysBefore")) {
            facts.put(field, data.path(field).asText(""));
        }
        for (String institution : parties) {
            for (Recipient coordinator : coordinators(institution)) {
                queue(coordinator, kind, facts);
            }
        }
        if (kind.equals("mobility-accepted") && personId != null) {
            person(personId).ifPresent(student -> queue(student, "mobility-accepted-student", facts));
        }
        if (kind.startsWith("document-") && personId != null) {   // the student's own paper, same words as to the coordinators
            person(personId).ifPresent(student -> queue(student, kind, facts));
        }
    }

    /** A proposed learning agreement: each party whose approval it waits for is asked for it. */
    private void learningAgreementAwaiting(JsonNode data, UUID studentId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String field : List.of("mobilityId", "academicYear", "sendingInstitution", "receivingInstitution", "versionNumber")) {
            facts.put(field, data.path(field).asText(""));
        }
        List<String> awaiting = new ArrayList<>();
        data.path("awaiting").forEach(party -> awaiting.add(party.asText()));
        Map<String, String> sides = Map.of("SENDING_COORDINATOR", data.path("sendingInstitution").asText(""),
                "RECEIVING_COORDINATOR", data.path("receivingInstitution").asText(""));
        sides.forEach((party, institution) -> {
            if (awaiting.contains(party) && !institution.isBlank()) {
                coordinators(institution).forEach(coordinator -> queue(coordinator, "learning-agreement-awaiting", facts));
            }
        });
        if (awaiting.contains("STUDENT") && studentId != null) {
            person(studentId).ifPresent(student -> queue(student, "learning-agreement-awaiting-student", facts));
        }
    }

    /** Tells the subscription's institution's coordinators that its deliveries fail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionFailing(Subscription subscription, Deliveries.Outcome outcome) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("subscriptionId", subscription.id().toString());
        facts.put("url", subscription.url());
        facts.put("institution", subscription.institution());
        facts.put("lastAnswer", outcome.statusCode() != null ? "HTTP " + outcome.statusCode()
                : outcome.error() == null ? "" : outcome.error());
        for (Recipient coordinator : coordinators(subscription.institution())) {
            queue(coordinator, "subscription-failing", facts);
        }
    }

    private void queue(Recipient recipient, String kind, Map<String, Object> facts) {
        if (recipient.email() == null || recipient.email().isBlank()) {
            return;
        }
        Template template = templates.getTemplate("mail/" + kind + "." + recipient.language());
        var instance = template.instance();
        facts.forEach(instance::data);
        String text = instance.render();
        // the template's first line is the subject
        int newline = text.indexOf('\n');
        String subject = text.substring(0, newline).replaceFirst("^Subject: ?", "").strip();
        String body = text.substring(newline + 1).strip() + "\n";
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into outgoing_mail (id, recipient, person_id, subject, body) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, recipient.email());
            insert.setObject(3, recipient.personId());
            insert.setString(4, subject);
            insert.setString(5, body);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private List<Recipient> coordinators(String institution) {
        return recipients("""
                select p.id, p.email, i.country_code from account a join person p on p.id = a.person_id
                left join institution i on i.schac_code = p.institution_code
                where a.role = 'COORDINATOR' and a.status = 'ACTIVE' and a.institution_code = ? order by a.username""", institution);
    }

    private java.util.Optional<Recipient> person(UUID id) {
        return recipients("""
                select p.id, p.email, i.country_code from person p left join institution i on i.schac_code = p.institution_code
                where p.id = ?""", id).stream().findFirst();
    }

    private List<Recipient> recipients(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<Recipient> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Recipient(row.getObject(1, UUID.class), row.getString(2), language(row.getString(3))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /** The language of mail to a person of an institution in this country. */
    static String language(String countryCode) {
        if ("CN".equals(countryCode) || "TW".equals(countryCode) || "HK".equals(countryCode) || "MO".equals(countryCode)) {
            return "zh";
        }
        return "FR".equals(countryCode) || "BE".equals(countryCode) || "LU".equals(countryCode) || "MC".equals(countryCode) ? "fr" : "en";
    }
}
