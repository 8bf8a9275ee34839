package org.passerelle.agreements;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.agreements.AgreementTest.NOW;

/** Amendments: a new version approved again while the approved one stays in force; expiry. */
class AmendmentTest {

    static Agreement activeLyonAgreement() {
        var agreement = CooperationConditionTest.draftWith(CooperationConditionTest.lyonToShanghai());
        agreement.propose(NOW);
        agreement.approve("univ-lyon1.fr", agreement.contentHash, NOW);
        agreement.approve("sjtu.edu.cn", agreement.contentHash, NOW);
        return agreement;
    }

    /** The content in force with more places, a longer stay and a new research condition. */
    static AgreementContent grown(Agreement agreement) {
        var clinical = copy(agreement.conditions.get(0));
        clinical.placesPerYear = 15;
        clinical.maximumDays = 120;
        var research = CooperationConditionTest.lyonToShanghai();
        research.mobilityType = MobilityType.RESEARCH_LONG;
        research.minimumDays = 180;
        research.maximumDays = null;
        return AgreementContent.of(agreement.kind, agreement.title, agreement.partyCodes(), null, null,
                agreement.firstAcademicYear, "2030/2031", List.of(clinical, research));
    }

    static CooperationCondition copy(CooperationCondition c) {
        var copy = CooperationConditionTest.lyonToShanghai();
        copy.id = c.id;
        copy.placesPerYear = c.placesPerYear;
        copy.minimumDays = c.minimumDays;
        copy.maximumDays = c.maximumDays;
        return copy;
    }

    @Test
    void theApprovedVersionStaysInForceUntilEveryPartyApprovedTheAmendment() {
        var agreement = activeLyonAgreement();
        String inForce = agreement.contentHash;
        agreement.amend(grown(agreement));
        agreement.proposeAmendment(NOW);

        assertEquals(Agreement.Approved.RECORDED, agreement.approve("univ-lyon1.fr", agreement.amendmentHash, NOW).outcome());
        assertEquals(10, agreement.conditions.get(0).placesPerYear, "still the version in force");
        assertEquals(inForce, agreement.contentHash);
        assertEquals(1, agreement.versionInForce);

        String amendment = agreement.amendmentHash;
        assertEquals(Agreement.Approved.AMENDED, agreement.approve("sjtu.edu.cn", amendment, NOW).outcome());
        assertEquals(2, agreement.versionInForce);
        assertEquals(amendment, agreement.contentHash);
        assertEquals(15, agreement.conditions.get(0).placesPerYear);
        assertEquals("2030/2031", agreement.lastAcademicYear);
        assertEquals(AgreementStatus.ACTIVE, agreement.status);
        assertNull(agreement.amendment);
    }

    @Test
    void approvingTheVersionInForceInsteadOfTheAmendmentIsStale() {
        var agreement = activeLyonAgreement();
        String inForce = agreement.contentHash;
        agreement.amend(grown(agreement));
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class,
                () -> agreement.approve("univ-lyon1.fr", inForce, NOW)).type(), "a draft amendment is not approved yet");
        agreement.proposeAmendment(NOW);
        var refused = assertThrows(ProblemException.class, () -> agreement.approve("univ-lyon1.fr", inForce, NOW));
        assertEquals(AgreementProblems.STALE_APPROVAL, refused.type());
        assertEquals(agreement.amendmentHash, refused.arguments()[0]);
    }

    @Test
    void oneAmendmentAtATimeAndOnlyOfAnActiveAgreement() {
        var draft = CooperationConditionTest.draftWith(CooperationConditionTest.lyonToShanghai());
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> draft.amend(draft.content())).type());
        var agreement = activeLyonAgreement();
        agreement.amend(grown(agreement));
        assertEquals(AgreementProblems.AMENDMENT_PENDING, assertThrows(ProblemException.class,
                () -> agreement.amend(grown(agreement))).type());
        agreement.withdrawAmendment();
        agreement.amend(grown(agreement));
    }

    @Test
    void anAmendmentKeepsThePartiesAndNamesOnlyConditionsOfTheAgreement() {
        var agreement = activeLyonAgreement();
        var otherParties = AgreementContent.of(agreement.kind, agreement.title, List.of("sjtu.edu.cn", "u-paris.fr"), null,
                null, agreement.firstAcademicYear, agreement.lastAcademicYear, List.of());
        assertEquals(List.of("parties"), fields(() -> agreement.amend(otherParties)));

        var stranger = CooperationConditionTest.lyonToShanghai();
        stranger.id = java.util.UUID.randomUUID();
        var unknown = AgreementContent.of(agreement.kind, agreement.title, agreement.partyCodes(), null, null,
                agreement.firstAcademicYear, agreement.lastAcademicYear, List.of(stranger));
        assertEquals(List.of("conditions[0].id"), fields(() -> agreement.amend(unknown)));
    }

    @Test
    void theChangesNameTheFieldsAndConditionsThatDiffer() {
        var agreement = activeLyonAgreement();
        var before = agreement.content();
        var after = grown(agreement);
        var changes = VersionChanges.between(1, before, 2, after);

        assertEquals(List.of(new VersionChanges.FieldChange("lastAcademicYear", "2029/2030", "2030/2031")), changes.fields());
        var clinical = changes.conditions().get(0);
        assertEquals(VersionChanges.Change.CHANGED, clinical.change());
        assertEquals(agreement.conditions.get(0).id, clinical.id());
        assertEquals(List.of(new VersionChanges.FieldChange("placesPerYear", 10, 15),
                new VersionChanges.FieldChange("maximumDays", 90, 120)), clinical.fields());
        assertEquals(VersionChanges.Change.ADDED, changes.conditions().get(1).change());
    }

    @Test
    void anAgreementExpiresAfterItsLastAcademicYearOnce() {
        var agreement = activeLyonAgreement();
        assertTrue(agreement.expireIfEnded(AcademicYear.of(LocalDate.of(2030, 8, 31)), NOW).isEmpty(), "2029/2030 is not over");
        assertFalse(agreement.expireIfEnded(AcademicYear.of(LocalDate.of(2030, 9, 1)), NOW).isEmpty());
        assertEquals(AgreementStatus.EXPIRED, agreement.status);
        assertTrue(agreement.expireIfEnded("2031/2032", NOW).isEmpty(), "expired once");
    }

    private static List<String> fields(Runnable change) {
        return assertThrows(InvalidFieldsException.class, change::run).fields().stream()
                .map(InvalidFieldsException.InvalidField::field).toList();
    }
}
