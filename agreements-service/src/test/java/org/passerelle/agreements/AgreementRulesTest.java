package org.passerelle.agreements;

import org.junit.jupiter.api.Test;
import org.passerelle.agreements.events.AgreementActivated;
import org.passerelle.agreements.events.AgreementAmended;
import org.passerelle.agreements.events.AgreementApproved;
import org.passerelle.agreements.events.AgreementExpired;
import org.passerelle.agreements.events.AgreementProposed;
import org.passerelle.agreements.events.AgreementResumed;
import org.passerelle.agreements.events.AgreementSuspended;
import org.passerelle.agreements.events.AgreementTerminated;
import org.passerelle.agreements.mothers.AgreementMother;
import org.passerelle.agreements.mothers.ConditionMother;
import org.passerelle.runtime.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.agreements.mothers.AgreementMother.AT;

/** The lifecycle of an agreement and the events each step causes, without starting anything. */
class AgreementRulesTest {

    @Test
    void proposingFixesTheContentAndAsksEveryPartyToApproveTheFirstVersion() {
        var agreement = AgreementMother.draft().parties("univ-lyon1.fr", "sjtu.edu.cn").build();

        var proposed = assertInstanceOf(AgreementProposed.class, single(agreement.propose(AT)));

        assertEquals(AgreementStatus.PROPOSED, agreement.status);
        assertEquals(new AgreementProposed(agreement.id, 1, false, agreement.content().hash(),
                List.of("sjtu.edu.cn", "univ-lyon1.fr"), AT), proposed);
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> agreement.propose(AT)).type(),
                "proposed once");
    }

    @Test
    void eachApprovalIsAnnouncedAndTheLastOnePutsTheAgreementInForceWithItsConditions() {
        var condition = ConditionMother.lyonToShanghai().places(4).build();
        var agreement = AgreementMother.proposed().conditions(condition).build();
        String hash = agreement.contentHash;

        var first = agreement.approve("univ-lyon1.fr", hash, AT);
        assertEquals(Agreement.Approved.RECORDED, first.outcome());
        assertFalse(first.putVersionInForce());
        assertEquals(List.of(new AgreementApproved(agreement.id, 1, "univ-lyon1.fr", hash, AT)), first.events());
        assertEquals(AgreementStatus.PROPOSED, agreement.status);

        var last = agreement.approve("sjtu.edu.cn", hash, AT);
        assertEquals(Agreement.Approved.ACTIVATED, last.outcome());
        assertTrue(last.putVersionInForce());
        assertEquals(new AgreementApproved(agreement.id, 1, "sjtu.edu.cn", hash, AT), last.events().get(0));
        var activated = assertInstanceOf(AgreementActivated.class, last.events().get(1));
        assertEquals(List.of("sjtu.edu.cn", "univ-lyon1.fr"), activated.parties());
        assertEquals(hash, activated.contentHash());
        assertEquals(4, activated.conditions().get(0).placesPerYear());
        assertEquals(agreement.conditions.get(0).id, activated.conditions().get(0).id());
        assertEquals(AgreementStatus.ACTIVE, agreement.status);
        assertEquals(1, agreement.versionInForce);
    }

    @Test
    void aRefusedApprovalChangesNothingAndCausesNoEvent() {
        var agreement = AgreementMother.proposed().build();

        assertEquals(AgreementProblems.STALE_APPROVAL,
                assertThrows(ProblemException.class, () -> agreement.approve("univ-lyon1.fr", "0".repeat(64), AT)).type());
        assertEquals(AgreementProblems.NOT_A_PARTY,
                assertThrows(ProblemException.class, () -> agreement.approve("u-paris.fr", agreement.contentHash, AT)).type());
        assertTrue(agreement.parties.stream().allMatch(p -> p.approvedHash == null), "no approval recorded");
        var draft = AgreementMother.draft().build();
        assertEquals(AgreementProblems.WRONG_STATUS,
                assertThrows(ProblemException.class, () -> draft.approve("univ-lyon1.fr", draft.content().hash(), AT)).type(),
                "a draft is not approved");
    }

    @Test
    void anAmendmentIsProposedAsTheNextVersionAndAmendsTheAgreementOnceEveryPartyApprovedIt() {
        var agreement = AgreementMother.active().build();
        var inForce = agreement.conditions.get(0);
        var mother = AgreementMother.active();
        mother.conditions(ConditionMother.lyonToShanghai().id(inForce.id).places(15).build(),
                ConditionMother.shanghaiToLyon().places(2).build());
        agreement.amend(mother.content());

        var proposed = assertInstanceOf(AgreementProposed.class, single(agreement.proposeAmendment(AT)));
        assertEquals(2, proposed.versionNumber());
        assertTrue(proposed.amendment());
        assertEquals(agreement.amendmentHash, proposed.contentHash());

        var first = agreement.approve("sjtu.edu.cn", agreement.amendmentHash, AT);
        assertEquals(List.of(new AgreementApproved(agreement.id, 2, "sjtu.edu.cn", proposed.contentHash(), AT)), first.events());
        assertEquals(10, agreement.conditions.get(0).placesPerYear, "the version in force stays until every party approved");

        var last = agreement.approve("univ-lyon1.fr", proposed.contentHash(), AT);
        assertEquals(Agreement.Approved.AMENDED, last.outcome());
        var amended = assertInstanceOf(AgreementAmended.class, last.events().get(1));
        assertEquals(2, amended.versionNumber());
        assertEquals(proposed.contentHash(), amended.contentHash());
        assertEquals(List.of(15, 2), amended.conditions().stream().map(AgreementActivated.Condition::placesPerYear).toList(),
                "every condition of the new version, not only those that changed");
        assertEquals(inForce.id, amended.conditions().get(0).id(), "a changed condition keeps its id");
        assertEquals(2, agreement.versionInForce);
        assertNull(agreement.amendment);
    }

    @Test
    void suspensionResumptionAndTerminationEachCarryTheirReason() {
        var agreement = AgreementMother.active().build();

        assertEquals(new AgreementSuspended(agreement.id, "Audit", AT), single(agreement.suspend("Audit", AT)));
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> agreement.suspend("Audit", AT)).type());
        assertEquals(new AgreementResumed(agreement.id, AT), single(agreement.resume(AT)));
        assertEquals(AgreementStatus.ACTIVE, agreement.status);

        var suspended = AgreementMother.suspended().build();
        assertEquals(new AgreementTerminated(suspended.id, "Remplacé par l'accord de 2027", AT),
                single(suspended.terminate("Remplacé par l'accord de 2027", AT)));
        assertEquals(AgreementStatus.TERMINATED, suspended.status);
        assertEquals("Remplacé par l'accord de 2027", suspended.terminationReason);
        assertEquals(AgreementProblems.WRONG_STATUS,
                assertThrows(ProblemException.class, () -> AgreementMother.proposed().build().terminate("trop tôt", AT)).type(),
                "only an agreement in force (or suspended) is terminated");
        assertEquals(AgreementProblems.WRONG_STATUS,
                assertThrows(ProblemException.class, () -> AgreementMother.terminated().build().resume(AT)).type());
    }

    @Test
    void anAgreementExpiresOnceAfterItsLastYearAndATerminatedOneNever() {
        var agreement = AgreementMother.suspended().lastYear("2026/2027").build();

        assertEquals(List.of(), agreement.expireIfEnded("2026/2027", AT), "its last year is not over");
        assertEquals(new AgreementExpired(agreement.id, "2026/2027", AT), single(agreement.expireIfEnded("2027/2028", AT)));
        assertEquals(AgreementStatus.EXPIRED, agreement.status);
        assertEquals(List.of(), agreement.expireIfEnded("2028/2029", AT), "expired once");

        var terminated = AgreementMother.terminated().lastYear("2026/2027").build();
        assertEquals(List.of(), terminated.expireIfEnded("2030/2031", AT));
        assertEquals(AgreementStatus.TERMINATED, terminated.status);
    }

    private static <T> T single(List<T> events) {
        assertEquals(1, events.size(), () -> "one event: " + events);
        return events.get(0);
    }
}
