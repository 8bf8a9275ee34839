package org.passerelle.mobility;

import org.junit.jupiter.api.Test;
import org.passerelle.mobility.mothers.ConditionMother;
import org.passerelle.mobility.mothers.NominationMother;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules a nomination meets against its cooperation condition, without starting anything. */
class NominationRulesTest {

    private static final String HOME = "sjtu.edu.cn";

    @Test
    void aNominationWithinTheConditionPasses() {
        var condition = ConditionMother.clinicalInternship().build();
        NominationMother.of(condition).build().check(condition, "univ-lyon1.fr", HOME);
        NominationMother.of(condition).build().check(condition, null, HOME);   // the international office, for any side
    }

    @Test
    void onlyTheSendingSideNominatesAndOnlyForTheConditionsYears() {
        var condition = ConditionMother.clinicalInternship().sending("univ-lyon1.fr").years("2025/2026", "2026/2027").build();

        var otherSide = assertThrows(ProblemException.class, () -> NominationMother.of(condition).build().check(condition, HOME, HOME));
        assertEquals(MobilityProblems.CONDITION_MISMATCH, otherSide.type());
        assertEquals("sendingInstitution", otherSide.arguments()[0]);
        var otherYear = assertThrows(ProblemException.class, () -> NominationMother.of(condition).year("2027/2028")
                .arriving("2028-07-05").departing("2028-07-30").build().check(condition, null, HOME));
        assertEquals("academicYear", otherYear.arguments()[0]);
    }

    @Test
    void datesAndIdentifiersAreReportedByFieldAllAtOnce() {
        var condition = ConditionMother.clinicalInternship().build();

        var refused = assertThrows(InvalidFieldsException.class, () -> NominationMother.of(condition)
                .arriving("2026-08-31").departing("2026-08-01").ine("12345").build().check(condition, null, HOME));

        assertEquals(List.of("plannedArrival", "plannedDeparture", "person.ine"),
                refused.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
    }

    @Test
    void aStudentSentBySjtusmNeedsAStudentNumberAndStaffNoIdentifier() {
        var fromHome = ConditionMother.clinicalInternship().sending(HOME).receiving("univ-lyon1.fr").build();
        var refused = assertThrows(InvalidFieldsException.class,
                () -> NominationMother.of(fromHome).ine(null).build().check(fromHome, null, HOME));
        assertEquals("person.studentNumber", refused.fields().get(0).field());
        NominationMother.of(fromHome).ine(null).studentNumber("521010910123").build().check(fromHome, null, HOME);

        var staff = ConditionMother.staffTeaching().build();
        NominationMother.of(staff).ine(null).build().check(staff, null, HOME);
    }

    @Test
    void thePlannedDaysStayWithinTheConditionsMinimumAndMaximum() {
        var condition = ConditionMother.clinicalInternship().days(30, 60).build();

        var refused = assertThrows(ProblemException.class, () -> NominationMother.of(condition).build().check(condition, null, HOME));
        assertEquals(MobilityProblems.DURATION_OUTSIDE, refused.type());
        assertEquals(List.of(25L, 30, 60), List.of(refused.arguments()));
    }

    /** identity-service's people as the copy knows them, and earlier nominations, in memory. */
    private static final class People implements Nomination.People {
        final java.util.Set<UUID> known = new java.util.HashSet<>();
        final java.util.Map<String, UUID> holders = new java.util.HashMap<>();
        final java.util.Map<String, UUID> nominated = new java.util.HashMap<>();

        People register(UUID person, String scheme, String value) {
            known.add(person);
            holders.put(scheme + ":" + value, person);
            return this;
        }

        public boolean knows(UUID personId) {
            return known.contains(personId);
        }

        public Optional<UUID> holderOf(String scheme, String value) {
            return Optional.ofNullable(holders.get(scheme + ":" + value));
        }

        public Optional<UUID> nominatedBefore(String scheme, String value) {
            return Optional.ofNullable(nominated.get(scheme + ":" + value));
        }
    }

    private static final UUID MAELYS = UUID.fromString("3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
    private static final UUID ZOE = UUID.fromString("6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d");

    @Test
    void aPersonNamedByIdMustBeKnownToIdentityAndHoldTheIdentifierGiven() {
        var condition = ConditionMother.clinicalInternship().build();
        var people = new People().register(MAELYS, "INE", "123456789AB").register(ZOE, "INE", "987654321CD");

        assertEquals(MAELYS, NominationMother.of(condition).personId(MAELYS).build().person().identify(people));
        var unknown = assertThrows(ProblemException.class,
                () -> NominationMother.of(condition).personId(UUID.randomUUID()).build().person().identify(people));
        assertEquals(MobilityProblems.UNKNOWN_PERSON, unknown.type());
        var mismatch = assertThrows(ProblemException.class,
                () -> NominationMother.of(condition).personId(MAELYS).ine("987654321cd").build().person().identify(people));
        assertEquals(MobilityProblems.PERSON_MISMATCH, mismatch.type());
        assertEquals(List.of("person.ine", ZOE), List.of(mismatch.arguments()));
    }

    @Test
    void aPersonNotNamedIsFoundByIdentifierAndNeverGivenASecondId() {
        var condition = ConditionMother.clinicalInternship().build();
        var people = new People().register(MAELYS, "INE", "123456789AB");

        assertEquals(MAELYS, NominationMother.of(condition).ine("123456789ab").build().person().identify(people),
                "identity-service's person, whatever the case the INE was typed in");
        UUID nominatedBefore = UUID.randomUUID();
        people.nominated.put("INE:111111111AA", nominatedBefore);
        assertEquals(nominatedBefore, NominationMother.of(condition).ine("111111111AA").build().person().identify(people),
                "a person identity-service does not know keeps the id of their first nomination");
        var fresh = NominationMother.of(condition).ine("222222222BB").build().person().identify(people);
        assertTrue(fresh != null && !fresh.equals(MAELYS) && !fresh.equals(nominatedBefore));
    }

    @Test
    void aNominationWritesThePersonFieldsItGivesWhichTheAuditNames() {
        var frenchStudent = NominationMother.of(ConditionMother.clinicalInternship().build()).ine("123456789AB").build();
        assertEquals(List.of("person.givenName", "person.familyName", "person.email", "person.ine"),
                frenchStudent.person().writtenFields());
        var withoutIne = NominationMother.of(ConditionMother.clinicalInternship().build()).ine(" ").studentNumber("519111910042").build();
        assertEquals(List.of("person.givenName", "person.familyName", "person.email", "person.studentNumber"),
                withoutIne.person().writtenFields());
    }
}
