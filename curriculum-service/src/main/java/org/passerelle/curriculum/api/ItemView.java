package org.passerelle.curriculum.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.CatalogueItemStatus;
import org.passerelle.curriculum.ComplianceRequirement;
import org.passerelle.curriculum.Credits;
import org.passerelle.curriculum.Requirement;
import org.passerelle.curriculum.Supervisor;
import org.passerelle.curriculum.Term;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "CatalogueItem", description = "An item of the catalogue with the fields of its kind; absent fields are not sent")
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ItemView(
        UUID id,
        @Schema(example = "CLINICAL_INTERNSHIP") CatalogueItemKind kind,
        @Schema(example = "PUBLISHED") CatalogueItemStatus status,
        LocalizedText title,
        LocalizedText description,
        @Schema(example = "fr") String teachingLanguage,
        String code, Integer hours, Term term,
        @Schema(example = "Ruijin Hospital") String hospital,
        @Schema(example = "Hepatobiliary surgery") String department,
        @Schema(example = "Hepato-gastroenterology") String specialty,
        @Schema(example = "8") Integer durationWeeks,
        @Schema(example = "4") Integer minimumYearOfStudy,
        @Schema(description = "The papers a student must show") List<RequirementView> requirements,
        String laboratory, String principalInvestigator, String topic, Integer durationMonths,
        Supervisor supervisor,
        @Schema(description = "Both schemes, and the rule used (ectsPerChineseCredit, conversionRuleId); no rule when set by hand")
        Credits credits,
        Instant updatedAt,
        @Schema(description = "The institution that offers it (SCHAC code)", example = "sjtu.edu.cn") String offeredBy) {

    /** A compliance requirement of the item. */
    @Schema(name = "CatalogueRequirement", description = "A paper the student must show, whether it must be valid for "
            + "the whole stay (or only at its start), and which side's coordinator checks it")
    public record RequirementView(@Schema(example = "HEALTH_INSURANCE") ComplianceRequirement kind,
                                  boolean validForWholeStay, @Schema(example = "RECEIVING") Requirement.CheckedBy checkedBy) {
    }

    static ItemView of(CatalogueItem i) {
        return new ItemView(i.id, i.kind, i.status, i.title, i.description, i.teachingLanguage, i.code, i.hours, i.term,
                i.hospital, i.department, i.specialty, i.durationWeeks, i.minimumYearOfStudy,
                i.requirements.isEmpty() ? null : i.requirements.stream().sorted()
                        .map(r -> new RequirementView(r.kind, r.validForWholeStay, r.checkedBy)).toList(),
                i.laboratory, i.principalInvestigator, i.topic, i.durationMonths, i.supervisor, i.credits, i.updatedAt, i.offeredBy);
    }

    /** An item as lists show it. */
    @Schema(name = "CatalogueItemSummary", description = "A catalogue item as it appears in lists")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, @Schema(example = "CLINICAL_INTERNSHIP") CatalogueItemKind kind,
                          CatalogueItemStatus status, LocalizedText title, @Schema(example = "fr") String teachingLanguage,
                          String hospital, String specialty, Credits credits,
                          @Schema(description = "The institution that offers the item (SCHAC code)", example = "sjtu.edu.cn") String offeredBy) {

        static Summary of(CatalogueItem i) {
            return new Summary(i.id, i.kind, i.status, i.title, i.teachingLanguage, i.hospital, i.specialty, i.credits, i.offeredBy);
        }
    }

    static List<Summary> summaries(List<CatalogueItem> items) {
        return items.stream().map(Summary::of).toList();
    }
}
