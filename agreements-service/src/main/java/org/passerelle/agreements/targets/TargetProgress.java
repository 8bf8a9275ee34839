package org.passerelle.agreements.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** How a target stands, year by year, from the mobilities counted so far. */
@Schema(name = "TargetProgress")
public record TargetProgress(
        UUID targetId,
        @Schema(example = "ACCEPTED") Target.Counts counts,
        @Schema(description = "The year that tells whether the target is on track: the current academic year, or the "
                + "target year once it is past", example = "2026/2027") String assessedYear,
        @Schema(example = "ON_TRACK") Standing standing,
        @Schema(description = "How mobilities are counted") String countingRule,
        List<Year> years,
        @Schema(description = "The yearly counts imported from the records kept before Passerelle, earliest first, also "
                + "those before the baseline year") List<TargetHistory.ImportedYear> history) {

    public static final String COUNTING_RULE = "A mobility counts in the receiving side's academic year once the "
            + "receiving side accepted it (ACCEPTED, IN_PROGRESS or COMPLETED). A nomination not yet answered is shown as "
            + "pending, not counted; rejected, cancelled and seat-refused mobilities are not counted. Only mobilities under the target's "
            + "agreements, into its receiving institution, of its mobility types count. A year is on track when its "
            + "counted mobilities reach the expected number: on the straight line from the baseline to the target, "
            + "rounded up. Counts follow mobility-service's events and lag them by the time the events take to arrive. A year "
            + "with an imported count (the records kept before Passerelle) adds it to what mobilities count, and says so in "
            + "imported.";

    public static final String RECOGNITION_RULE = "A mobility counts in its academic year once the sending institution "
            + "recognised its results at home (curriculum-service's ResultsRecognised), whatever its status as last told. "
            + "Nominations not yet answered are shown as pending, accepted, in progress and completed mobilities as such, "
            + "rejected and cancelled ones as not counted; none of them counts until recognised. Only mobilities under the "
            + "target's agreements, into its receiving institution, of its mobility types count. A year is on track when "
            + "its counted mobilities reach the expected number: on the straight line from the baseline to the target, "
            + "rounded up. Counts follow the events and lag them by the time the events take to arrive.";

    static String countingRule(Target.Counts counts) {
        return counts == Target.Counts.RECOGNISED ? RECOGNITION_RULE : COUNTING_RULE;
    }

    public enum Standing { ON_TRACK, BEHIND, UPCOMING }

    @Schema(name = "TargetYear")
    public record Year(
            @Schema(example = "2026/2027") String academicYear,
            @Schema(description = "Counted mobilities needed to be on track", example = "50") int expected,
            @Schema(description = "Accepted, in progress or completed (for a target that counts RECOGNISED, those whose "
                    + "results were recognised), with the imported count of the year", example = "52") int counted,
            @Schema(description = "Of counted, how many come from the imported history (not from mobilities)", example = "0") int imported,
            @Schema(description = "Nominated, not yet answered", example = "4") int pending,
            @Schema(example = "20") int inProgress,
            @Schema(example = "12") int completed,
            @Schema(description = "Whose results the sending institution recognised", example = "9") int recognised,
            @Schema(description = "Rejected, cancelled or refused their seats: not counted", example = "3") int notCounted,
            Standing standing) {
    }
}
