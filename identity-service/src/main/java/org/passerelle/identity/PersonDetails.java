package org.passerelle.identity;

import java.time.LocalDate;
import java.util.List;

/** What a person is registered or changed with; the Chinese name and its pinyin are optional, together. */
public record PersonDetails(
        PersonKind kind,
        String institution,
        String givenName,
        String familyName,
        ChineseName chineseName,
        LocalDate dateOfBirth,
        String nationality,
        String email,
        List<PersonIdentifier> identifiers) {

    public record ChineseName(String given, String family, String givenPinyin, String familyPinyin) {
    }

    public PersonDetails {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
