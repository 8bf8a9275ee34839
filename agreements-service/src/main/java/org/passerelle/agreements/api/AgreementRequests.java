package org.passerelle.agreements.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;

import org.passerelle.runtime.text.LocalizedText;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    @Schema(name = "CooperationCondition", description = "One direction of the agreement and its quota")
    public record Condition(
            @Schema(nullable = true, description = "Absent for a new condition; in a revision or an amendment, the id of the condition "
                    + "that changes (it stays the same across versions)", example = "c3a1e5f7-2b4d-4f6a-8c0e-9d1b3f5a7c20")
            UUID id,
            @NotBlank @Size(max = 100) @Schema(example = "univ-lyon1.fr") String sendingInstitution,
            @NotBlank @Size(max = 100) @Schema(example = "sjtu.edu.cn") String receivingInstitution,
            @NotNull @Schema(example = "CLINICAL_INTERNSHIP_MID") MobilityType mobilityType,
            @NotNull @PositiveOrZero @Max(10000) @Schema(description = "Places per academic year of the receiving side", example = "10")
            Integer placesPerYear,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2025/2026")
            String firstAcademicYear,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2029/2030")
            String lastAcademicYear,
            @Positive @Max(1500) @Schema(nullable = true, example = "30") Integer minimumDays,
            @Positive @Max(1500) @Schema(nullable = true, example = "90") Integer maximumDays,
            @Min(1) @Max(8) @Schema(nullable = true, description = "EQF level 1-8", example = "7") Integer eqfLevel,
            @Pattern(regexp = "[0-9]{4}", message = "{passerelle.isced}") @Schema(nullable = true, description = "ISCED-F 2013 code", example = "0912")
            String iscedCode,
            @Pattern(regexp = "[a-z]{2,3}", message = "{passerelle.language}") @Schema(nullable = true, example = "fr") String language,
            @Pattern(regexp = "[ABC][12]", message = "{passerelle.cefr}") @Schema(nullable = true, description = "CEFR A1..C2", example = "B2")
            String cefrLevel,
            @Positive @Max(365) @Schema(nullable = true, description = "For STAFF_TEACHING and STAFF_TRAINING only", example = "20")
            Integer staffDaysPerYear) {

        static Condition of(CooperationCondition c) {
            return new Condition(c.id, c.sendingInstitution, c.receivingInstitution, c.mobilityType, c.placesPerYear,
                    c.firstAcademicYear, c.lastAcademicYear, c.minimumDays, c.maximumDays, c.eqfLevel, c.iscedCode,
                    c.language, c.cefrLevel, c.staffDaysPerYear);
        }

        CooperationCondition toCondition() {
            var c = new CooperationCondition();
            c.id = id;
            c.sendingInstitution = sendingInstitution;
            c.receivingInstitution = receivingInstitution;
            c.mobilityType = mobilityType;
            c.placesPerYear = placesPerYear;
            c.firstAcademicYear = firstAcademicYear;
            c.lastAcademicYear = lastAcademicYear;
            c.minimumDays = minimumDays;
            c.maximumDays = maximumDays;
            c.eqfLevel = eqfLevel;
            c.iscedCode = iscedCode;
            c.language = language;
            c.cefrLevel = cefrLevel;
            c.staffDaysPerYear = staffDaysPerYear;
            return c;
        }
    }

    @Schema(name = "AgreementDraft")
    public record Draft(
            @NotNull @Schema(example = "BILATERAL_EXCHANGE") AgreementKind kind,
            @NotNull @Valid Titles title,
            @NotEmpty @Size(min = 2, max = 20)
            @Schema(description = "SCHAC codes of the parties", example = "[\"sjtu.edu.cn\", \"univ-lyon1.fr\"]")
            List<@NotBlank @Size(max = 100) String> parties,
            @PastOrPresent @Schema(description = "The day it was signed, once it is", example = "2025-11-20") LocalDate signedOn,
            @Size(max = 200) @Schema(description = "Where it was signed", example = "Paris") String signedAt,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Schema(example = "2025/2026") String firstAcademicYear,
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Schema(example = "2029/2030") String lastAcademicYear,
            @Size(max = 50) @Schema(description = "Cooperation conditions, one direction each") List<@Valid @NotNull Condition> conditions) {

        /** The content this draft describes; checks the rules that span fields. */
        AgreementContent toContent() {
            return AgreementContent.of(kind, LocalizedText.of(title.fr(), title.en(), title.zh()), parties, signedOn,
                    signedAt, firstAcademicYear, lastAcademicYear,
                    conditions == null ? List.of() : conditions.stream().map(Condition::toCondition).toList());
        }
    }

    @Schema(name = "Approval", description = "A party approves the content it read, named by its hash")
    public record Approval(@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "{passerelle.content-hash}")
                           @Schema(example = "3b1f6a2d9c8e7f60a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718") String contentHash) {
    }

    @Schema(name = "Reason", description = "Why an agreement is suspended or terminated")
    public record Termination(@NotBlank @Size(max = 2000) @Schema(example = "Replaced by the 2027 agreement") String reason) {
    }
}
