package org.passerelle.mobility.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * What a mobility must show and where it stands: a line per required paper, with the current document handed in
 * for it. The rule of the start: every line accepted and valid when the stay needs it.
 */
public record Checklist(List<Line> lines, StartException exception) {

    /** Where a line stands; MISSING until a document is handed in, then its current document's status. */
    public enum LineStatus { MISSING, SUBMITTED, ACCEPTED, REJECTED, EXPIRED }

    /** The international office let the mobility start although its checklist was not met, and why. */
    public record StartException(String reason, String recordedBy, java.time.Instant recordedAt) {
    }

    /** A required paper and the document that meets it (null while MISSING). */
    public record Line(Requirement requirement, Document document) {

        public LineStatus status() {
            return document == null ? LineStatus.MISSING : LineStatus.valueOf(document.status.name());
        }

        /**
         * Whether the line lets the stay start: its document accepted and, for a paper of the whole stay, valid from
         * the planned arrival to the planned departure; for another, valid on the planned arrival.
         */
        public boolean allowsStart(LocalDate plannedArrival, LocalDate plannedDeparture) {
            if (status() != LineStatus.ACCEPTED) {
                return false;
            }
            LocalDate mustLastUntil = requirement.validForWholeStay() ? plannedDeparture : plannedArrival;
            boolean begunInTime = document.validFrom == null || !document.validFrom.isAfter(plannedArrival);
            boolean lastsLongEnough = document.validUntil == null || !document.validUntil.isBefore(mustLastUntil);
            return begunInTime && lastsLongEnough;
        }
    }

    /** The lines that stop the start: not accepted, or not valid for as long as the stay needs. */
    public List<Line> blockingStart(LocalDate plannedArrival, LocalDate plannedDeparture) {
        return lines.stream().filter(l -> !l.allowsStart(plannedArrival, plannedDeparture)).toList();
    }

    /** Every paper asked for is accepted (a checklist that asks nothing is not "completed"). */
    public boolean complete() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.status() == LineStatus.ACCEPTED);
    }
}
