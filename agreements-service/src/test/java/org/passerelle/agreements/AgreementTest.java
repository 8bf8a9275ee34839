package org.passerelle.agreements;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle rules of an agreement, without anything started. */
class AgreementTest {

    static final LocalizedText TITLE = LocalizedText.of("Accord SJTUSM - Lyon 1", "SJTUSM - Lyon 1 agreement", "上海交大医学院-里昂一大协议");
    static final Instant NOW = Instant.parse("2026-03-12T09:30:00Z");

    static Agreement draft(AgreementKind kind, LocalizedText title, List<String> parties, String first, String last,
                           CooperationCondition... conditions) {
        return Agreement.draft(AgreementContent.of(kind, title, parties, null, null, first, last, List.of(conditions)));
    }

    static Agreement lyonDraft() {
        return draft(AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("univ-lyon1.fr", "sjtu.edu.cn"),
                "2025/2026", "2029/2030");
    }

    @Test
    void aDraftNeedsTwoDistinctPartiesAndAPeriod() {
        assertEquals(AgreementProblems.PARTIES, assertThrows(ProblemException.class, () -> draft(
                AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("sjtu.edu.cn"), "2025/2026", "2026/2027")).type());
        assertEquals(AgreementProblems.PARTIES, assertThrows(ProblemException.class, () -> draft(
                AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("sjtu.edu.cn", "sjtu.edu.cn"), "2025/2026", "2026/2027")).type());
        assertEquals(AgreementProblems.YEARS, assertThrows(ProblemException.class, () -> draft(
                AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("sjtu.edu.cn", "u-paris.fr"), "2027/2028", "2025/2026")).type());
        assertEquals(AgreementProblems.YEARS, assertThrows(ProblemException.class, () -> draft(
                AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("sjtu.edu.cn", "u-paris.fr"), "2025/2027", "2027/2028")).type());
        assertEquals(List.of("sjtu.edu.cn", "univ-lyon1.fr"), lyonDraft().partyCodes(), "parties sorted");
    }

    @Test
    void activeOnlyOnceEveryPartyApprovedTheSameContent() {
        var agreement = lyonDraft();
        agreement.propose(NOW);
        assertEquals(AgreementStatus.PROPOSED, agreement.status);
        assertEquals(Agreement.Approved.RECORDED, agreement.approve("univ-lyon1.fr", agreement.contentHash, NOW).outcome());
        assertEquals(AgreementStatus.PROPOSED, agreement.status);
        assertEquals(Agreement.Approved.ACTIVATED, agreement.approve("sjtu.edu.cn", agreement.contentHash, NOW).outcome());
        assertEquals(AgreementStatus.ACTIVE, agreement.status);
    }

    @Test
    void aStaleApprovalIsAConflictNamingTheCurrentHash() {
        var agreement = lyonDraft();
        agreement.propose(NOW);
        String stale = "0".repeat(64);
        var refused = assertThrows(ProblemException.class, () -> agreement.approve("univ-lyon1.fr", stale, NOW));
        assertEquals(AgreementProblems.STALE_APPROVAL, refused.type());
        assertEquals(agreement.contentHash, refused.arguments()[0]);
    }

    @Test
    void onlyPartiesApprove() {
        var agreement = lyonDraft();
        agreement.propose(NOW);
        assertEquals(AgreementProblems.NOT_A_PARTY, assertThrows(ProblemException.class,
                () -> agreement.approve("u-paris.fr", agreement.contentHash, NOW)).type());
    }

    @Test
    void theHashFollowsTheContent() {
        var first = lyonDraft();
        var second = draft(AgreementKind.BILATERAL_EXCHANGE, TITLE, List.of("univ-lyon1.fr", "sjtu.edu.cn"),
                "2025/2026", "2030/2031");
        assertEquals(first.content().hash(), lyonDraft().content().hash());
        assertNotEquals(first.content().hash(), second.content().hash());
    }

    @Test
    void suspendedAndResumedOnlyFromTheRightStatus() {
        var agreement = lyonDraft();
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> agreement.suspend("audit", NOW)).type());
        agreement.propose(NOW);
        agreement.approve("univ-lyon1.fr", agreement.contentHash, NOW);
        agreement.approve("sjtu.edu.cn", agreement.contentHash, NOW);
        agreement.suspend("audit", NOW);
        assertEquals(AgreementStatus.SUSPENDED, agreement.status);
        assertEquals(AgreementProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> agreement.suspend("audit", NOW)).type());
        agreement.resume(NOW);
        assertEquals(AgreementStatus.ACTIVE, agreement.status);
    }

    @Test
    void onlyAnActiveOrSuspendedAgreementIsTerminated() {
        var agreement = lyonDraft();
        assertEquals(AgreementProblems.WRONG_STATUS,
                assertThrows(ProblemException.class, () -> agreement.terminate("no longer needed", NOW)).type());
        agreement.propose(NOW);
        agreement.approve("univ-lyon1.fr", agreement.contentHash, NOW);
        agreement.approve("sjtu.edu.cn", agreement.contentHash, NOW);
        agreement.terminate("replaced by the 2027 agreement", NOW);
        assertEquals(AgreementStatus.TERMINATED, agreement.status);
        assertEquals("replaced by the 2027 agreement", agreement.terminationReason);
    }
}
