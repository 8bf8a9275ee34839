package org.passerelle.agreements.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.AgreementKind;

import java.util.List;

/** Request bodies of the agreements API. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    @Schema(name = "Titles", description = "The title in French, English and Chinese")
    public record Titles(
            @NotBlank @Size(max = 500) @Schema(example = "Accord d'échange SJTUSM - Université Claude Bernard Lyon 1") String fr,
            @NotBlank @Size(max = 500) @Schema(example = "Exchange agreement SJTUSM - Claude Bernard University Lyon 1") String en,
            @NotBlank @Size(max = 500) @Schema(example = "上海交通大学医学院与里昂第一大学交流协议") String zh) {
    }

    @Schema(name = "AgreementDraft")
    public record Draft(
            @NotNull @Schema(example = "BILATERAL_EXCHANGE") AgreementKind kind,
            @NotNull @Valid Titles title,
            @NotEmpty @Size(min = 2, max = 20)
            @Schema(description = "SCHAC codes of the parties", example = "[\"sjtu.edu.cn\", \"univ-lyon1.fr\"]")
            List<@NotBlank @Size(max = 100) String> parties,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Schema(example = "2025/2026") String firstAcademicYear,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Schema(example = "2029/2030") String lastAcademicYear) {
    }

    @Schema(name = "Approval", description = "A party approves the content it read, named by its hash")
    public record Approval(@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "{passerelle.content-hash}")
                           @Schema(example = "9f2c...") String contentHash) {
    }

    @Schema(name = "Termination")
    public record Termination(@NotBlank @Size(max = 2000) @Schema(example = "Replaced by the 2027 agreement") String reason) {
    }
}
