package org.passerelle.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PersonTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "INE, 123456789AB, true",
        "INE, 1234567890A, true",
        "INE, 12345678ABC, false",
        "INE, 123456789ab, false",
        "INE, 123456789A, false",
        "INE, 12345678901, false",
        "ESI, urn:schac:personalUniqueCode:int:esi:fr:123456789AB, true",
        "ESI, URN:SCHAC:personalUniqueCode:int:esi:univ-lyon1.fr:x-42, true",
        "ESI, 123456789AB, false",
        "SJTU_STUDENT_NUMBER, 519111910042, true",
        "SJTU_STUDENT_NUMBER, 5191, false",
        "PASSPORT, 19FV12345, true",
        "PASSPORT, 19fv-1234, false",
    })
    void identifiersHaveTheFormatOfTheirScheme(IdentifierScheme scheme, String value, boolean accepted) {
        assertEquals(accepted, scheme.accepts(value));
    }

    @Test
    void onlyAPassportNamesItsCountryAndAPersonHasOneIdentifierPerOtherScheme() {
        var error = assertThrows(InvalidFieldsException.class, () -> Person.checkIdentifiers(List.of(
                new PersonIdentifier(IdentifierScheme.INE, "123456789AB", "FR"),
                new PersonIdentifier(IdentifierScheme.PASSPORT, "19FV12345", null),
                new PersonIdentifier(IdentifierScheme.INE, "1234567890A", null),
                new PersonIdentifier(IdentifierScheme.PASSPORT, "EA1234567", "CN"))));
        assertEquals(List.of("identifiers[0].issuingCountry", "identifiers[1].issuingCountry", "identifiers[2].scheme"),
                error.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
    }

    @Test
    void twoPassportsOfDifferentCountriesAreTwoIdentifiers() {
        Person.checkIdentifiers(List.of(
                new PersonIdentifier(IdentifierScheme.PASSPORT, "19FV12345", "FR"),
                new PersonIdentifier(IdentifierScheme.PASSPORT, "19FV12345", "CN")));
    }

    @Test
    void aChangeNamesTheFieldsWhoseValueItChangedForTheAudit() {
        var prints = org.passerelle.identity.mothers.PersonMother.FINGERPRINTS;
        var at = org.passerelle.identity.mothers.PersonMother.AT;
        var person = Person.register(eloise("eloise@u-paris.example", "123456789AB"), prints, at).person();
        assertEquals(List.of(), person.change(eloise("eloise@u-paris.example", "123456789AB"), prints, at).fields(),
                "the same details change nothing");
        assertEquals(List.of("email"), person.change(eloise("e.daubigne@u-paris.example", "123456789AB"), prints, at).fields());
        assertEquals(List.of("givenName", "email", "identifiers"), person.change(new PersonDetails(PersonKind.STUDENT, "u-paris.fr",
                "Eloise", "D'Aubigné", null, java.time.LocalDate.of(2003, 4, 17), "FR", "eloise@u-paris.example",
                List.of(new PersonIdentifier(IdentifierScheme.INE, "1234567890A", null))), prints, at).fields());
    }

    private static PersonDetails eloise(String email, String ine) {
        return new PersonDetails(PersonKind.STUDENT, "u-paris.fr", "Éloïse", "D'Aubigné", null, java.time.LocalDate.of(2003, 4, 17),
                "FR", email, List.of(new PersonIdentifier(IdentifierScheme.INE, ine, null)));
    }
}
