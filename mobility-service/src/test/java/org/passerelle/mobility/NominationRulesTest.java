package org.passerelle.mobility;

import org.junit.jupiter.api.Test;
import org.passerelle.mobility.mothers.ConditionMother;
import org.passerelle.mobility.mothers.NominationMother;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
