package org.passerelle.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.Person;
import org.passerelle.identity.PersonKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Person")
public record PersonView(
        UUID id,
        @Schema(example = "STUDENT") PersonKind kind,
        @Schema(description = "SCHAC code of the home institution", example = "u-paris.fr") String institution,
        PersonRequest.LatinName name,
        @Schema(nullable = true) PersonRequest.ChineseName chineseName,
        @Schema(nullable = true, example = "2003-04-17") LocalDate dateOfBirth,
        @Schema(nullable = true, example = "FR") String nationality,
        @Schema(example = "eloise.daubigne@u-paris.example") String email,
        List<PersonRequest.Identifier> identifiers) {

    static PersonView of(Person p) {
        var chinese = p.givenNameHanzi == null ? null
                : new PersonRequest.ChineseName(p.givenNameHanzi, p.familyNameHanzi, p.givenNamePinyin, p.familyNamePinyin);
        return new PersonView(p.id, p.kind, p.institution, new PersonRequest.LatinName(p.givenName, p.familyName), chinese,
                p.dateOfBirth, p.nationality, p.email, p.sortedIdentifiers().stream()
                .map(i -> new PersonRequest.Identifier(i.scheme, i.value, i.issuingCountry)).toList());
    }
}
