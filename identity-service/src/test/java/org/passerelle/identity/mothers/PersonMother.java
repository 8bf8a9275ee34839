package org.passerelle.identity.mothers;

import org.passerelle.identity.IdentifierScheme;
import org.passerelle.identity.Person;
import org.passerelle.identity.PersonDetails;
import org.passerelle.identity.PersonIdentifier;
import org.passerelle.identity.PersonKind;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * People for rule tests, by named fields: {@code PersonMother.lyonStudent().ine("123456789AB").build()},
 * {@code PersonMother.sjtuStudent().details()} for a registration or a change. The defaults: Camille Martin, a Lyon 1
 * student with an INE; Li Wei (李伟), a SJTUSM student with a student number.
 */
public final class PersonMother {

    public static final Instant AT = Instant.parse("2026-09-01T02:00:00Z");
    /** The fingerprints of these tests, with a key of their own. */
    public static final Fingerprints FINGERPRINTS = new Fingerprints("rules-test-key");

    private PersonKind kind = PersonKind.STUDENT;
    private String institution;
    private String givenName;
    private String familyName;
    private PersonDetails.ChineseName chineseName;
    private LocalDate dateOfBirth = LocalDate.of(2003, 4, 17);
    private String nationality;
    private String email;
    private final List<PersonIdentifier> identifiers = new ArrayList<>();

    private PersonMother() {
    }

    public static PersonMother lyonStudent() {
        var mother = new PersonMother();
        mother.institution = "univ-lyon1.fr";
        mother.givenName = "Camille";
        mother.familyName = "Martin";
        mother.nationality = "FR";
        mother.email = "camille.martin@etu.univ-lyon1.fr";
        return mother.ine("123456789AB");
    }

    public static PersonMother sjtuStudent() {
        var mother = new PersonMother();
        mother.institution = "sjtu.edu.cn";
        mother.givenName = "Wei";
        mother.familyName = "Li";
        mother.chineseName = new PersonDetails.ChineseName("伟", "李", "Wěi", "Lǐ");
        mother.nationality = "CN";
        mother.email = "li.wei@sjtu.edu.cn";
        return mother.studentNumber("519111910042");
    }

    public PersonMother staff() {
        this.kind = PersonKind.STAFF;
        return this;
    }

    public PersonMother institution(String institution) {
        this.institution = institution;
        return this;
    }

    public PersonMother names(String given, String family) {
        this.givenName = given;
        this.familyName = family;
        return this;
    }

    public PersonMother email(String email) {
        this.email = email;
        return this;
    }

    /** Replaces the INE (a person has one per scheme but passports). */
    public PersonMother ine(String ine) {
        identifiers.removeIf(i -> i.scheme == IdentifierScheme.INE);
        identifiers.add(new PersonIdentifier(IdentifierScheme.INE, ine, null));
        return this;
    }

    public PersonMother studentNumber(String number) {
        identifiers.removeIf(i -> i.scheme == IdentifierScheme.SJTU_STUDENT_NUMBER);
        identifiers.add(new PersonIdentifier(IdentifierScheme.SJTU_STUDENT_NUMBER, number, null));
        return this;
    }

    public PersonMother passport(String number, String issuingCountry) {
        identifiers.add(new PersonIdentifier(IdentifierScheme.PASSPORT, number, issuingCountry));
        return this;
    }

    /** Exactly these identifiers, as given (the rules check them). */
    public PersonMother identifiers(PersonIdentifier... identifiers) {
        this.identifiers.clear();
        this.identifiers.addAll(List.of(identifiers));
        return this;
    }

    public PersonDetails details() {
        return new PersonDetails(kind, institution, givenName, familyName, chineseName, dateOfBirth, nationality, email,
                List.copyOf(identifiers));
    }

    /** A registered person. */
    public Person build() {
        return Person.register(details(), FINGERPRINTS, AT).person();
    }
}
