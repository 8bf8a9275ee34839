package org.passerelle.identity;

import org.junit.jupiter.api.Test;
import org.passerelle.identity.events.PersonChanged;
import org.passerelle.identity.events.PersonErased;
import org.passerelle.identity.events.PersonRegistered;
import org.passerelle.identity.mothers.PersonMother;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.passerelle.identity.mothers.PersonMother.AT;
import static org.passerelle.identity.mothers.PersonMother.FINGERPRINTS;

/** A person's registration, changes and erasure and the events they cause, without starting anything. */
class PersonRulesTest {

    @Test
    void aRegistrationIsAnnouncedWithTheIdentifiersAsFingerprintsOnly() {
        var registered = Person.register(PersonMother.lyonStudent().ine("123456789ab").passport("19FV12345", "FR").details(),
                FINGERPRINTS, AT);

        var person = registered.person();
        var event = assertInstanceOf(PersonRegistered.class, single(registered.events()));
        assertEquals(new PersonRegistered(person.id, PersonKind.STUDENT, "univ-lyon1.fr",
                List.of(FINGERPRINTS.of("INE", "123456789AB"), FINGERPRINTS.of("PASSPORT", "FR:19FV12345")), AT), event);
    }

    @Test
    void namesAndEmailAreKeptInOneFormWhateverFormTheyCameIn() {
        var person = PersonMother.lyonStudent().names("Zoe\u0301", "Lefe\u0300vre").email(" Zoe.Lefevre@ETU.univ-lyon1.fr ").build();

        assertEquals("Zoé", person.givenName, "NFC");
        assertEquals("Lefèvre", person.familyName);
        assertEquals("zoe.lefevre@etu.univ-lyon1.fr", person.email);
    }

    @Test
    void aChangeIsAnnouncedWithTheIdentifiersAsTheyAreNow() {
        var person = PersonMother.lyonStudent().ine("123456789AB").build();

        var changed = person.change(PersonMother.lyonStudent().ine("1234567890A").institution("u-paris.fr").details(), FINGERPRINTS, AT);

        assertEquals(List.of(new PersonChanged(person.id, PersonKind.STUDENT, "u-paris.fr",
                List.of(FINGERPRINTS.of("INE", "1234567890A")), AT)), changed.events());
        assertEquals(List.of("institution", "identifiers"), changed.fields(), "the fields changed, for the audit, never their values");
        assertEquals(List.of("1234567890A"), person.identifiers.stream().map(i -> i.value).toList());
    }

    @Test
    void aChangeWithBadIdentifiersIsRefusedByFieldAndChangesNothing() {
        var person = PersonMother.lyonStudent().build();
        var bad = PersonMother.lyonStudent().institution("u-paris.fr").identifiers(
                new PersonIdentifier(IdentifierScheme.INE, "12345678ABC", null),
                new PersonIdentifier(IdentifierScheme.PASSPORT, "19FV12345", null)).details();

        var refused = assertThrows(InvalidFieldsException.class, () -> person.change(bad, FINGERPRINTS, AT));

        assertEquals(List.of("identifiers[0].value", "identifiers[1].issuingCountry"),
                refused.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
        assertEquals("univ-lyon1.fr", person.institution);
        assertEquals(List.of("123456789AB"), person.identifiers.stream().map(i -> i.value).toList());
    }

    @Test
    void anErasureNamesThePersonByTheFingerprintsOfTheirEmailIdentifiersAndAccount() {
        var person = PersonMother.sjtuStudent().passport("EA1234567", "CN").build();

        var erased = assertInstanceOf(PersonErased.class, single(person.erase(FINGERPRINTS, "kc-7f3a", AT)));

        assertEquals(person.id, erased.personId());
        assertEquals(List.of(FINGERPRINTS.of(Fingerprints.EMAIL, "li.wei@sjtu.edu.cn"),
                FINGERPRINTS.of("SJTU_STUDENT_NUMBER", "519111910042"), FINGERPRINTS.of("PASSPORT", "CN:EA1234567"),
                FINGERPRINTS.of(Fingerprints.ACCOUNT, "kc-7f3a")), erased.fingerprints());
        assertEquals(AT, erased.erasedAt());
        var withoutAccount = assertInstanceOf(PersonErased.class, single(person.erase(FINGERPRINTS, null, AT)));
        assertEquals(erased.fingerprints().subList(0, 3), withoutAccount.fingerprints(), "without an account: email and identifiers");
    }

    private static <T> T single(List<T> events) {
        assertEquals(1, events.size(), () -> "one event: " + events);
        return events.get(0);
    }
}
