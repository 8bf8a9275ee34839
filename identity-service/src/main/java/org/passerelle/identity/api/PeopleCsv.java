package org.passerelle.identity.api;

import org.passerelle.identity.IdentifierScheme;
import org.passerelle.identity.PersonKind;
import org.passerelle.runtime.csv.CsvColumns;
import org.passerelle.runtime.csv.CsvRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * People as CSV, one person a line: what the list exports and the bulk reads, so that a file exported, edited in a
 * spreadsheet and sent back matches the same people. Identifiers have a column each (a person has one per scheme,
 * and one passport here).
 */
final class PeopleCsv {

    static final CsvColumns COLUMNS = new CsvColumns()
            .optional("id", "identifiant")
            .required("kind", "type")
            .required("institution", "établissement")
            .required("givenName", "prénom")
            .required("familyName", "nom", "nom de famille")
            .optional("chineseGivenName", "prénom chinois")
            .optional("chineseFamilyName", "nom chinois")
            .optional("givenPinyin", "prénom pinyin")
            .optional("familyPinyin", "nom pinyin")
            .optional("dateOfBirth", "date de naissance")
            .optional("nationality", "nationalité")
            .required("email", "courriel", "e-mail", "mail", "adresse électronique")
            .optional("ine", "INE")
            .optional("sjtuStudentNumber", "numéro étudiant SJTU", "numéro SJTU")
            .optional("esi", "ESI")
            .optional("passport", "passeport", "numéro de passeport")
            .optional("passportCountry", "pays du passeport");

    private PeopleCsv() {
    }

    /** The person of a row; the row is refused with every value that does not read. */
    static PersonRequest request(CsvRow row) {
        PersonKind kind = row.choice("kind", PersonKind.class);
        var identifiers = new ArrayList<PersonRequest.Identifier>();
        addIdentifier(identifiers, IdentifierScheme.INE, row.text("ine"), null);
        addIdentifier(identifiers, IdentifierScheme.SJTU_STUDENT_NUMBER, row.text("sjtuStudentNumber"), null);
        addIdentifier(identifiers, IdentifierScheme.ESI, row.text("esi"), null);
        addIdentifier(identifiers, IdentifierScheme.PASSPORT, row.text("passport"), row.text("passportCountry"));
        List<String> chinese = Arrays.asList(row.text("chineseGivenName"), row.text("chineseFamilyName"),
                row.text("givenPinyin"), row.text("familyPinyin"));
        var request = new PersonRequest(kind, row.text("institution"),
                new PersonRequest.LatinName(row.text("givenName"), row.text("familyName")),
                chinese.stream().allMatch(Objects::isNull) ? null
                        : new PersonRequest.ChineseName(chinese.get(0), chinese.get(1), chinese.get(2), chinese.get(3)),
                row.date("dateOfBirth"), row.text("nationality"), row.text("email"), identifiers);
        row.throwIfInvalid();
        return request;
    }

    private static void addIdentifier(List<PersonRequest.Identifier> identifiers, IdentifierScheme scheme, String value, String country) {
        if (value != null) {
            identifiers.add(new PersonRequest.Identifier(scheme, value, country));
        }
    }

    /** A person as a line of the export, in the order of {@link #COLUMNS}. */
    static List<String> line(PersonView person) {
        var chinese = person.chineseName();
        return Arrays.asList(person.id().toString(), person.kind().name(), person.institution(), person.name().given(),
                person.name().family(), chinese == null ? null : chinese.given(), chinese == null ? null : chinese.family(),
                chinese == null ? null : chinese.givenPinyin(), chinese == null ? null : chinese.familyPinyin(),
                person.dateOfBirth() == null ? null : person.dateOfBirth().toString(), person.nationality(), person.email(),
                identifier(person, IdentifierScheme.INE), identifier(person, IdentifierScheme.SJTU_STUDENT_NUMBER),
                identifier(person, IdentifierScheme.ESI), identifier(person, IdentifierScheme.PASSPORT),
                person.identifiers().stream().filter(i -> i.scheme() == IdentifierScheme.PASSPORT)
                        .map(PersonRequest.Identifier::issuingCountry).findFirst().orElse(null));
    }

    private static String identifier(PersonView person, IdentifierScheme scheme) {
        return person.identifiers().stream().filter(i -> i.scheme() == scheme).map(PersonRequest.Identifier::value)
                .findFirst().orElse(null);
    }
}
