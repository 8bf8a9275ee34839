package org.passerelle.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.Institution;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

@Schema(name = "Institution")
public record InstitutionResponse(
        @Schema(example = "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d03") UUID id,
        @Schema(description = "SCHAC code, the institution's primary identifier", example = "univ-lyon1.fr") String schacCode,
        LocalizedText name,
        @Schema(description = "ISO 3166-1 alpha-2", example = "FR") String countryCode,
        @Schema(description = "True when the details are illustrative demo data") boolean illustrative) {

    static InstitutionResponse of(Institution i) {
        return new InstitutionResponse(i.id, i.schacCode, i.name, i.countryCode, i.illustrative);
    }
}
