package org.passerelle.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.IdentifierScheme;
import org.passerelle.identity.PersonDetails;
import org.passerelle.identity.PersonIdentifier;
import org.passerelle.identity.PersonKind;

import java.time.LocalDate;
import java.util.List;

/** A person as the international office registers or changes them. */
@Schema(name = "PersonRequest")
public record PersonRequest(
        @NotNull @Schema(example = "STUDENT") PersonKind kind,
        @NotBlank @Size(max = 100) @Schema(description = "SCHAC code of the home institution", example = "u-paris.fr") String institution,
        @NotNull @Valid LatinName name,
        @Valid @Schema(description = "For people with a Chinese name: the characters and their pinyin") ChineseName chineseName,
        @Past @Schema(example = "2003-04-17") LocalDate dateOfBirth,
        @Pattern(regexp = "[A-Z]{2}", message = "{passerelle.country-code}") @Schema(description = "ISO 3166-1 alpha-2", example = "FR")
        String nationality,
        @NotBlank @Email @Size(max = 320) @Schema(example = "eloise.daubigne@u-paris.example") String email,
        @Size(max = 10) List<@Valid @NotNull Identifier> identifiers) {

    static final String LATIN = "[\\p{Script=Latin}\\p{M}][\\p{Script=Latin}\\p{M} '’.-]*";

    @Schema(name = "LatinName", description = "The name in Latin script, with its accents, apostrophes and hyphens")
    public record LatinName(
            @NotBlank @Size(max = 200) @Pattern(regexp = LATIN, message = "{passerelle.latin-name}") @Schema(example = "Éloïse")
            String given,
            @NotBlank @Size(max = 200) @Pattern(regexp = LATIN, message = "{passerelle.latin-name}") @Schema(example = "D'Aubigné")
            String family) {
    }

    @Schema(name = "ChineseName", description = "The name in Chinese characters with its pinyin; all four together")
    public record ChineseName(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{Script=Han}·]+", message = "{passerelle.hanzi}") @Schema(example = "芳")
            String given,
            @NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{Script=Han}·]+", message = "{passerelle.hanzi}") @Schema(example = "王")
            String family,
            @NotBlank @Size(max = 200) @Pattern(regexp = LATIN, message = "{passerelle.pinyin}") @Schema(example = "Fāng")
            String givenPinyin,
            @NotBlank @Size(max = 200) @Pattern(regexp = LATIN, message = "{passerelle.pinyin}") @Schema(example = "Wáng")
            String familyPinyin) {
    }

    @Schema(name = "PersonIdentifier", description = "INE: 9 digits and 2 letters or 10 digits and 1 letter; SJTU student "
            + "number; ESI: urn:schac:personalUniqueCode:int:esi:<issuer>:<code>; PASSPORT with its issuing country")
    public record Identifier(
            @NotNull @Schema(example = "INE") IdentifierScheme scheme,
            @NotBlank @Size(max = 200) @Schema(example = "123456789AB") String value,
            @Pattern(regexp = "[A-Z]{2}", message = "{passerelle.country-code}")
            @Schema(nullable = true, description = "Passports only: ISO 3166-1 alpha-2 of the issuing country", example = "FR") String issuingCountry) {
    }

    PersonDetails details() {
        var chinese = chineseName == null ? null : new PersonDetails.ChineseName(chineseName.given().strip(),
                chineseName.family().strip(), chineseName.givenPinyin().strip(), chineseName.familyPinyin().strip());
        return new PersonDetails(kind, institution, name.given().strip(), name.family().strip(), chinese, dateOfBirth,
                nationality, email.strip(), identifiers == null ? List.of() : identifiers.stream()
                .map(i -> new PersonIdentifier(i.scheme(), i.value().strip(), i.issuingCountry())).toList());
    }
}
