package org.passerelle.agreements;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of cooperation conditions that span fields, each reported on its field. */
class CooperationConditionTest {

    static CooperationCondition lyonToShanghai() {
        var c = new CooperationCondition();
        c.sendingInstitution = "univ-lyon1.fr";
        c.receivingInstitution = "sjtu.edu.cn";
        c.mobilityType = MobilityType.CLINICAL_INTERNSHIP_MID;
        c.placesPerYear = 10;
        c.firstAcademicYear = "2025/2026";
        c.lastAcademicYear = "2029/2030";
        c.minimumDays = 30;
        c.maximumDays = 90;
        return c;
    }

    static Agreement draftWith(CooperationCondition... conditions) {
        return AgreementTest.draft(AgreementKind.BILATERAL_EXCHANGE, AgreementTest.TITLE, List.of("sjtu.edu.cn", "univ-lyon1.fr"),
                "2025/2026", "2029/2030", conditions);
    }

    static List<String> refusedFields(CooperationCondition condition) {
        return assertThrows(InvalidFieldsException.class, () -> draftWith(lyonToShanghai(), condition)).fields().stream()
                .map(InvalidFieldsException.InvalidField::field).toList();
    }

    @Test
    void aWellFormedConditionIsKept() {
        assertEquals(1, draftWith(lyonToShanghai()).conditions.size());
    }

    @Test
    void eachBrokenRuleNamesItsFieldInTheSecondCondition() {
        var reversedYears = lyonToShanghai();
        reversedYears.firstAcademicYear = "2028/2029";
        reversedYears.lastAcademicYear = "2026/2027";
        assertEquals(List.of("conditions[1].lastAcademicYear"), refusedFields(reversedYears));

        var minimumAboveMaximum = lyonToShanghai();
        minimumAboveMaximum.minimumDays = 120;
        assertEquals(List.of("conditions[1].minimumDays"), refusedFields(minimumAboveMaximum));

        var stranger = lyonToShanghai();
        stranger.receivingInstitution = "u-paris.fr";
        assertEquals(List.of("conditions[1].receivingInstitution"), refusedFields(stranger));

        var toItself = lyonToShanghai();
        toItself.receivingInstitution = "univ-lyon1.fr";
        assertEquals(List.of("conditions[1].receivingInstitution"), refusedFields(toItself));

        var beyondTheAgreement = lyonToShanghai();
        beyondTheAgreement.lastAcademicYear = "2031/2032";
        assertEquals(List.of("conditions[1].firstAcademicYear"), refusedFields(beyondTheAgreement));

        var staffWithoutDays = lyonToShanghai();
        staffWithoutDays.mobilityType = MobilityType.STAFF_TEACHING;
        assertEquals(List.of("conditions[1].staffDaysPerYear"), refusedFields(staffWithoutDays));

        var levelWithoutLanguage = lyonToShanghai();
        levelWithoutLanguage.cefrLevel = "B2";
        assertEquals(List.of("conditions[1].cefrLevel"), refusedFields(levelWithoutLanguage));
    }

    @Test
    void moreStaffPlacesChangeTheContentToApprove() {
        var before = draftWith(lyonToShanghai());
        var same = AmendmentTest.copy(before.conditions.get(0));
        assertEquals(before.content().hash(), contentWith(before, same).hash());
        var more = AmendmentTest.copy(before.conditions.get(0));
        more.placesPerYear = 12;
        assertNotEquals(before.content().hash(), contentWith(before, more).hash());
    }

    private static AgreementContent contentWith(Agreement agreement, CooperationCondition condition) {
        return AgreementContent.of(agreement.kind, agreement.title, agreement.partyCodes(), null, null,
                agreement.firstAcademicYear, agreement.lastAcademicYear, List.of(condition));
    }
}
