package org.passerelle.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.InstitutionDetails;
import org.passerelle.identity.UnitKind;
import org.passerelle.identity.UnitPlan;
import org.passerelle.runtime.text.LocalizedText;

import java.util.List;
import java.util.UUID;

/** An institution as the international office registers or changes it. */
@Schema(name = "InstitutionRequest", description = "An institution with its codes, names and units")
public record InstitutionRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = SCHAC, message = "{passerelle.schac-code}")
        @Schema(description = "SCHAC code: the institution's internet domain", example = "univ-lyon1.fr")
        String schacCode,
        @Size(max = 20) @Schema(description = "SCHAC codes it was known by before (merged or renamed universities)",
                example = "[\"univ-lyon1.example\"]")
        List<@NotBlank @Size(max = 100) @Pattern(regexp = SCHAC, message = "{passerelle.schac-code}") String> previousSchacCodes,
        @Size(max = 20) @Pattern(regexp = ERASMUS, message = "{passerelle.erasmus-code}")
        @Schema(description = "Erasmus code, with its padding; matched whatever the spacing", example = "F  LYON01")
        String erasmusCode,
        @Pattern(regexp = "[0-9]{9}", message = "{passerelle.pic}")
        @Schema(description = "Participant Identification Code (9 digits)", example = "999884052")
        String pic,
        @NotNull @Valid Names name,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "{passerelle.country-code}")
        @Schema(description = "ISO 3166-1 alpha-2", example = "FR")
        String countryCode,
        @Size(max = 200) @Schema(description = "Faculties and hospitals, each with its departments")
        List<@Valid @NotNull Unit> units) {

    static final String SCHAC = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";
    /** White space as Java's \s, written so that ECMA-262 (the OpenAPI document's patterns) reads it the same. */
    static final String ERASMUS = "[ \\t\\n\\x0B\\f\\r]*[A-Z]{1,3}[ \\t\\n\\x0B\\f\\r]*[A-Z][A-Z-]*[0-9]{2,3}[ \\t\\n\\x0B\\f\\r]*";

    @Schema(name = "Names", description = "The name in French, English and Chinese")
    public record Names(
            @NotBlank @Size(max = 300) @Schema(example = "Université Claude Bernard Lyon 1") String fr,
            @NotBlank @Size(max = 300) @Schema(example = "Claude Bernard University Lyon 1") String en,
            @NotBlank @Size(max = 300) @Schema(example = "里昂第一大学") String zh) {

        LocalizedText text() {
            return LocalizedText.of(fr.strip(), en.strip(), zh.strip());
        }
    }

    @Schema(name = "UnitRequest", description = "A faculty or hospital with its departments, or a department. "
            + "Name an existing unit by its id to keep it; a unit left out is removed.")
    public record Unit(
            @Schema(description = "Id of an existing unit of this institution; absent for a new unit") UUID id,
            @NotNull @Schema(example = "HOSPITAL") UnitKind kind,
            @NotNull @Valid Names name,
            @Size(max = 200) @Schema(description = "The departments of a faculty or hospital")
            List<@Valid @NotNull Unit> units) {

        UnitPlan plan() {
            return new UnitPlan(id, kind, name.text(), units == null ? List.of() : units.stream().map(Unit::plan).toList());
        }
    }

    InstitutionDetails details() {
        return new InstitutionDetails(schacCode, previousSchacCodes, erasmusCode, pic, name.text(), countryCode,
                units == null ? List.of() : units.stream().map(Unit::plan).toList());
    }
}
