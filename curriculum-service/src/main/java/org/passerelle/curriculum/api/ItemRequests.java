package org.passerelle.curriculum.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.ComplianceRequirement;
import org.passerelle.curriculum.Credits;
import org.passerelle.curriculum.Requirement;
import org.passerelle.curriculum.Supervisor;
import org.passerelle.curriculum.Term;
import org.passerelle.runtime.text.LocalizedText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the catalogue API. */
public final class ItemRequests {

    private ItemRequests() {
    }

    @Schema(name = "CatalogueTitles", description = "The title in French, English and Chinese")
    public record Titles(
            @NotBlank @Size(max = 500) @Schema(example = "Stage clinique en hépato-gastroentérologie") String fr,
            @NotBlank @Size(max = 500) @Schema(example = "Clinical internship in hepato-gastroenterology") String en,
            @NotBlank @Size(max = 500) @Schema(example = "肝胆外科临床实习") String zh) {

        LocalizedText text() {
            return LocalizedText.of(fr, en, zh);
        }
    }

    @Schema(name = "CatalogueDescriptions", description = "The description in French, English and Chinese")
    public record Descriptions(
            @NotBlank @Size(max = 10000) @Schema(example = "Huit semaines dans le service de chirurgie hépatobiliaire de l'hôpital Ruijin.") String fr,
            @NotBlank @Size(max = 10000) @Schema(example = "Eight weeks in the hepatobiliary surgery department of Ruijin Hospital.") String en,
            @NotBlank @Size(max = 10000) @Schema(example = "在瑞金医院肝胆外科实习八周。") String zh) {

        LocalizedText text() {
            return LocalizedText.of(fr, en, zh);
        }
    }

    @Schema(name = "SupervisorRef", description = "The supervisor: account is the subject (sub claim) of their token")
    public record SupervisorRef(
            @NotBlank @Size(max = 200) @Schema(example = "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f") String account,
            @NotBlank @Size(max = 200) @Schema(example = "王芳 Wáng Fāng") String name) {
    }

    @Schema(name = "CreditsRequest", description = "Credits in both schemes. With conversionRuleId, give one amount "
            + "and the other is converted (or give both, and they must agree with the rule); without, give both.")
    public record CreditsRequest(
            @DecimalMin("0") @DecimalMax("999.9") @Digits(integer = 3, fraction = 1) @Schema(example = "4") BigDecimal chineseCredits,
            @DecimalMin("0") @DecimalMax("999.9") @Digits(integer = 3, fraction = 1) @Schema(example = "6.0") BigDecimal ects,
            @Schema(description = "A rule of /api/credit-conversions/rules") UUID conversionRuleId) {
    }

    @Schema(name = "CatalogueItemDraft", description = "An item of the catalogue. Each kind has its own fields: a basic "
            + "course code, hours and term; a clinical internship hospital, department, specialty and durationWeeks "
            + "(and may have minimumYearOfStudy and requirements); a research placement laboratory, principalInvestigator, "
            + "topic and durationMonths; a summer programme may have code, hours, durationWeeks.")
    public record ItemDraft(
            @NotNull @Schema(example = "CLINICAL_INTERNSHIP") CatalogueItemKind kind,
            @NotNull @Valid Titles title,
            @NotNull @Valid Descriptions description,
            @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "{passerelle.language}") @Schema(example = "fr") String teachingLanguage,
            @Size(min = 1, max = 50) @Schema(example = "MED-ANAT-101") String code,
            @Positive @Max(2000) @Schema(example = "48") Integer hours,
            @Schema(example = "AUTUMN") Term term,
            @Size(min = 1, max = 200) @Schema(example = "Ruijin Hospital") String hospital,
            @Size(min = 1, max = 200) @Schema(example = "Hepatobiliary surgery") String department,
            @Size(min = 1, max = 200) @Schema(example = "Hepato-gastroenterology") String specialty,
            @Positive @Max(104) @Schema(example = "8") Integer durationWeeks,
            @Min(1) @Max(8) @Schema(description = "Year of study the student must have reached", example = "4") Integer minimumYearOfStudy,
            @Size(max = 10) @Schema(description = "The papers a student must show; each kind once")
            List<@NotNull @Valid RequirementRequest> requirements,
            @Size(min = 1, max = 300) @Schema(example = "Shanghai Institute of Hematology") String laboratory,
            @Size(min = 1, max = 200) @Schema(example = "Pr. Chen Jing 陈静") String principalInvestigator,
            @Size(min = 1, max = 1000) @Schema(example = "Targeted therapies in acute promyelocytic leukaemia") String topic,
            @Positive @Max(60) @Schema(example = "6") Integer durationMonths,
            @Valid SupervisorRef supervisor,
            @Valid CreditsRequest credits,
            @Size(min = 1, max = 100) @Pattern(regexp = "[a-z0-9.-]+", message = "{passerelle.schac-code}")
            @Schema(description = "The institution that offers it (SCHAC code). Left out: SJTUSM for a new item, unchanged for a revision", example = "sjtu.edu.cn")
            String offeredBy) {

        CatalogueItem.Details details(Credits resolvedCredits, String defaultOfferedBy) {
            return new CatalogueItem.Details(kind, title.text(), description.text(), teachingLanguage, code, hours, term,
                    hospital, department, specialty, durationWeeks, minimumYearOfStudy,
                    requirements == null ? null : requirements.stream().map(RequirementRequest::requirement).toList(),
                    laboratory, principalInvestigator, topic, durationMonths,
                    supervisor == null ? null : new Supervisor(supervisor.account(), supervisor.name()), resolvedCredits,
                    offeredBy == null ? defaultOfferedBy : offeredBy);
        }
    }

    /**
     * A compliance requirement. The kind alone (a string, as the catalogue first took it) means its usual validity
     * (an insurance or a visa for the whole stay, a vaccination or a check at its start), checked by the host.
     */
    @Schema(name = "ComplianceRequirementDraft", description = "A paper the student must show: the kind, whether it must be "
            + "valid for the whole stay (default: true for insurances and a visa, false otherwise) and which side's "
            + "coordinator checks it (default RECEIVING). The kind alone, as a string, takes the defaults.")
    public record RequirementRequest(
            @NotNull @Schema(example = "HEALTH_INSURANCE") ComplianceRequirement kind,
            @Schema(example = "true") Boolean validForWholeStay,
            @Schema(example = "RECEIVING") Requirement.CheckedBy checkedBy) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public RequirementRequest(@JsonProperty("kind") ComplianceRequirement kind,
                                  @JsonProperty("validForWholeStay") Boolean validForWholeStay,
                                  @JsonProperty("checkedBy") Requirement.CheckedBy checkedBy) {
            this.kind = kind;
            this.validForWholeStay = validForWholeStay;
            this.checkedBy = checkedBy;
        }

        /** A string: the kind alone (a text creator, so that an object is read by its properties). */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RequirementRequest ofKind(String kind) {
            return new RequirementRequest(ComplianceRequirement.valueOf(kind), null, null);
        }

        Requirement requirement() {
            var usual = Requirement.of(kind);
            return new Requirement(kind, validForWholeStay == null ? usual.validForWholeStay : validForWholeStay,
                    checkedBy == null ? usual.checkedBy : checkedBy);
        }
    }

    @Schema(name = "SessionDraft", description = "A period of an academic year in which an item is offered, with its seats")
    public record SessionDraft(
            @NotNull @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") @Schema(example = "2026/2027") String academicYear,
            @NotNull @Schema(example = "2027-07-05") LocalDate startDate,
            @NotNull @Schema(example = "2027-07-30") LocalDate endDate,
            @NotNull @PositiveOrZero @Max(10000) @Schema(example = "30") Integer capacity) {
    }
}
