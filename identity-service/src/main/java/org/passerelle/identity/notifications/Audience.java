package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which institutions may hear of an event: the tenancy rules of the API applied to its data. An institution hears
 * of the agreements it is a party to and of the mobilities (with their learning agreements, seats, transcripts of
 * records and recognitions) it sends or receives; the catalogue is public to every partner. Events naming no institution of their own (an agreement's
 * suspension, a seat hold) take the parties an earlier event of the same object named; an event of an object never
 * heard of before reaches nobody rather than everybody.
 */
public final class Audience {

    /** Who may hear of an event, the object whose order it keeps, and what to remember of that object. */
    public record Heard(String objectKey, Set<String> parties, boolean everyone, String personId) {

        public boolean reaches(String institution) {
            return everyone || parties.contains(institution);
        }
    }

    /** The event types webhooks deliver, the only ones a subscription may name. */
    public static final List<String> DELIVERED_TYPES = List.of(
            "passerelle.agreements.AgreementProposed.v1",
            "passerelle.agreements.AgreementApproved.v1",
            "passerelle.agreements.AgreementActivated.v1",
            "passerelle.agreements.AgreementAmended.v1",
            "passerelle.agreements.AgreementSuspended.v1",
            "passerelle.agreements.AgreementResumed.v1",
            "passerelle.agreements.AgreementTerminated.v1",
            "passerelle.agreements.AgreementExpired.v1",
            "passerelle.mobility.MobilityNominated.v1",
            "passerelle.mobility.MobilityAccepted.v1",
            "passerelle.mobility.MobilityRejected.v1",
            "passerelle.mobility.MobilityCancelled.v1",
            "passerelle.mobility.MobilityStarted.v1",
            "passerelle.mobility.MobilityCompleted.v1",
            "passerelle.mobility.LearningAgreementProposed.v1",
            "passerelle.mobility.LearningAgreementApproved.v1",
            // the checklist's papers: they name the mobility, whose parties and person its nomination named
            "passerelle.mobility.DocumentSubmitted.v1",
            "passerelle.mobility.DocumentAccepted.v1",
            "passerelle.mobility.DocumentRejected.v1",
            "passerelle.mobility.DocumentExpired.v1",
            "passerelle.mobility.DocumentExpiring.v1",
            "passerelle.mobility.ChecklistCompleted.v1",
            "passerelle.mobility.ChecklistExceptionRecorded.v1",
            "passerelle.mobility.SignedLearningAgreementAttached.v1",
            "passerelle.curriculum.SeatsHeld.v1",
            "passerelle.curriculum.SeatsRefused.v1",
            "passerelle.curriculum.SeatsReleased.v1",
            "passerelle.curriculum.CatalogueItemPublished.v1",
            "passerelle.curriculum.CatalogueItemChanged.v1",
            "passerelle.curriculum.CatalogueItemWithdrawn.v1",
            "passerelle.curriculum.SessionOpened.v1",
            "passerelle.curriculum.SessionClosed.v1",
            "passerelle.curriculum.TranscriptIssued.v1",
            "passerelle.curriculum.TranscriptCorrected.v1",
            "passerelle.curriculum.ResultsRecognised.v1");

    /** Events of curriculum-service about one mobility, which name its two institutions: heard of by those only. */
    private static final List<String> MOBILITY_RECORDS = List.of("TranscriptIssued", "TranscriptCorrected", "ResultsRecognised");

    private Audience() {
    }

    /**
     * The audience of an event of a delivered type; {@code remembered} are the parties an earlier event of the same
     * object named (empty when none). Empty for a type webhooks do not deliver.
     */
    public static Optional<Heard> of(String type, JsonNode data, Set<String> remembered) {
        if (!DELIVERED_TYPES.contains(type)) {
            return Optional.empty();
        }
        String event = type.split("\\.")[2];
        if (type.startsWith("passerelle.mobility.") || MOBILITY_RECORDS.contains(event)) {
            Set<String> parties = new LinkedHashSet<>(remembered);
            add(parties, data.path("sendingInstitution"));
            add(parties, data.path("receivingInstitution"));
            return Optional.of(new Heard(text(data, "mobilityId"), parties, false, textOrNull(data, "personId")));
        }
        if (type.startsWith("passerelle.agreements.")) {
            Set<String> parties = new LinkedHashSet<>(remembered);
            data.path("parties").forEach(party -> add(parties, party));
            add(parties, data.path("institution"));
            return Optional.of(new Heard(text(data, "agreementId"), parties, false, null));
        }
        if (event.startsWith("Seats")) {
            return Optional.of(new Heard(text(data, "mobilityId"), Set.copyOf(remembered), false, null));
        }
        // the catalogue and its sessions, which every partner reads
        return Optional.of(new Heard(text(data, "itemId"), Set.of(), true, null));
    }

    private static void add(Set<String> parties, JsonNode code) {
        if (code.isTextual() && !code.asText().isBlank()) {
            parties.add(code.asText());
        }
    }

    private static String text(JsonNode data, String field) {
        String value = textOrNull(data, field);
        return value == null ? "" : value;
    }

    private static String textOrNull(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isTextual() ? node.asText() : null;
    }
}
