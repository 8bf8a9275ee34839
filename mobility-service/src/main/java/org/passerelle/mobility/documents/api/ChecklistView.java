package org.passerelle.mobility.documents.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.documents.Checklist;
import org.passerelle.mobility.documents.Requirement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Checklist", description = "The papers a mobility needs, from its sessions' catalogue items and its receiving "
        + "institution, and where each stands")
public record ChecklistView(
        UUID mobilityId,
        @Schema(description = "Every line is ACCEPTED (false for a checklist without lines)") boolean complete,
        List<Line> lines,
        @Schema(nullable = true, description = "The international office let the mobility start all the same") StartException startException) {

    @Schema(name = "ChecklistLine")
    public record Line(
            @Schema(example = "HEALTH_INSURANCE") String requirement,
            @Schema(description = "The paper must be valid until the planned departure; otherwise on the planned arrival")
            boolean validForWholeStay,
            @Schema(description = "Whose coordinator accepts or rejects the paper", example = "RECEIVING") Requirement.CheckedBy checkedBy,
            @Schema(example = "MISSING") Checklist.LineStatus status,
            @Schema(nullable = true, description = "Why the current document was rejected") String reason,
            @Schema(nullable = true, example = "2027-06-01") LocalDate validFrom,
            @Schema(nullable = true, example = "2027-12-31") LocalDate validUntil,
            @Schema(nullable = true, description = "The current document (null while MISSING)") DocumentView document) {

        public static Line of(Checklist.Line l) {
            var d = l.document();
            return new Line(l.requirement().kind(), l.requirement().validForWholeStay(), l.requirement().checkedBy(), l.status(),
                    d == null ? null : d.reason, d == null ? null : d.validFrom, d == null ? null : d.validUntil,
                    d == null ? null : DocumentView.of(d));
        }
    }

    @Schema(name = "ChecklistStartException")
    public record StartException(@Schema(example = "Insurance certificate seen on paper by the office") String reason,
                                 Instant recordedAt) {
    }

    public static ChecklistView of(UUID mobilityId, Checklist c) {
        return new ChecklistView(mobilityId, c.complete(), c.lines().stream().map(Line::of).toList(),
                c.exception() == null ? null : new StartException(c.exception().reason(), c.exception().recordedAt()));
    }
}
