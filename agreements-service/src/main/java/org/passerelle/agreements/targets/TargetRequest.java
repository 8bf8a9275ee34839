package org.passerelle.agreements.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.MobilityType;
import org.passerelle.agreements.api.AgreementRequests;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(name = "TargetRequest", description = "A target on one or several agreements")
public record TargetRequest(
        @NotNull @Valid AgreementRequests.Titles title,
        @NotEmpty @Size(max = 50) @Schema(description = "The agreements whose mobilities count")
        List<@NotNull UUID> agreements,
        @NotBlank @Size(max = 100) @Schema(description = "SCHAC code of the institution the mobilities go to", example = "sjtu.edu.cn")
        String receivingInstitution,
        @Size(max = 7) @Schema(description = "The mobility types that count; all student types when absent",
                example = "[\"SUMMER_TRAINING\", \"CLINICAL_INTERNSHIP_MID\", \"CLINICAL_INTERNSHIP_LONG\", \"RESEARCH_LONG\", \"BASIC_COURSES\"]")
        Set<@NotNull MobilityType> mobilityTypes,
        @Schema(nullable = true, description = "What counts: ACCEPTED (default) a mobility once the receiving side accepted "
                + "it; RECOGNISED a mobility once the sending institution recognised its results at home", example = "ACCEPTED")
        Target.Counts counts,
        @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2024/2025")
        String baselineYear,
        @NotNull @PositiveOrZero @Max(100000) @Schema(example = "30") Integer baselineCount,
        @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2027/2028")
        String targetYear,
        @NotNull @PositiveOrZero @Max(100000) @Schema(example = "60") Integer targetCount) {
}
