package org.passerelle.curriculum.grading;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A grade converted into another scale, with what converted it, so that anyone can redo the conversion: the table
 * and its row, or both distributions with the grade's band of students in each.
 */
@Schema(name = "ConvertedGrade")
public record ConvertedGrade(
        @Schema(example = "85") String grade,
        UUID fromScaleId,
        @Schema(example = "15") String convertedGrade,
        UUID toScaleId,
        Method method,
        @Schema(nullable = true, description = "TABLE: the table") UUID tableId,
        @Schema(nullable = true, description = "TABLE: the row applied") ConversionTable.Row row,
        @Schema(nullable = true, description = "DISTRIBUTION: the source scale's distribution") UUID fromDistributionId,
        @Schema(nullable = true, description = "DISTRIBUTION: the target scale's distribution") UUID toDistributionId,
        @Schema(nullable = true, description = "DISTRIBUTION: the reference group of both") String referenceGroup,
        @Schema(nullable = true, description = "DISTRIBUTION: where the grade's students stand in the source group") Band sourceBand,
        @Schema(nullable = true, description = "DISTRIBUTION: the middle of the source band, in percent from the top")
        BigDecimal midpointPercent,
        @Schema(nullable = true, description = "DISTRIBUTION: the band of the converted grade in the target group") Band targetBand) {

    public enum Method { TABLE, DISTRIBUTION }

    /**
     * The students who had a grade, as percentages of the reference group counted from the best grade down: the
     * band from 10.0 to 35.0 holds the students after the best 10 %, up to the best 35 %. Rounded half up to one
     * decimal for reading; the conversion itself compares exact counts.
     */
    @Schema(name = "GradeBand")
    public record Band(@Schema(example = "15") String grade, @Schema(example = "10.0") BigDecimal fromPercent,
                       @Schema(example = "35.0") BigDecimal toPercent) {
    }
}
