package org.passerelle.mobility.learning;

import org.junit.jupiter.api.Test;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.mobility.events.LearningAgreementApproved;
import org.passerelle.mobility.mothers.MobilityMother;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a learning agreement, without starting anything: credits, hashes, proposals and approvals. */
class LearningAgreementTest {

    private static final UUID CARDIOLOGY = UUID.fromString("e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56");
    private static final UUID ANATOMY = UUID.fromString("0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13");
    private static final Instant NOW = Instant.parse("2027-03-02T08:15:00Z");

    private final Mobility mobility = MobilityMother.nominated().sessions(CARDIOLOGY).build();

    private static Component.Draft draft(UUID session, String ects, String chinese, String ratio) {
        return new Component.Draft(session, "Stage clinique en cardiologie – 心内科临床实习", amount(ects), amount(chinese), amount(ratio), null);
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void theMissingAmountIsConvertedByTheRuleAndTheGivenOneKept() {
        var components = LearningAgreement.checked(List.of(draft(CARDIOLOGY, null, "4", "1.5"), draft(ANATOMY, "5", null, "1.50")));

        assertEquals(new BigDecimal("6.0"), components.get(0).ects());
        assertEquals(new BigDecimal("4.0"), components.get(0).chineseCredits());
        assertEquals(Component.Given.CHINESE_CREDITS, components.get(0).given());
        assertEquals(new BigDecimal("3.3"), components.get(1).chineseCredits(), "5 / 1.5 = 3.33, rounded to one decimal");
        assertEquals(new BigDecimal("5.0"), components.get(1).ects());
        assertEquals(Component.Given.ECTS, components.get(1).given());
        assertEquals("1.5", components.get(1).ectsPerChineseCredit().toPlainString(), "the rule as given, in one form");
    }

    @Test
    void bothAmountsMustAgreeWithTheRuleRoundedHalfUp() {
        var agreeing = LearningAgreement.checked(List.of(draft(CARDIOLOGY, "2.9", "2.3", "1.25")));
        assertEquals(Component.Given.BOTH, agreeing.get(0).given(), "2.3 x 1.25 = 2.875, rounded half up to 2.9");

        var refused = fields(() -> LearningAgreement.checked(List.of(draft(CARDIOLOGY, "2.8", "2.3", "1.25"))));
        assertEquals(List.of("components[0].ects"), refused.stream().map(InvalidFieldsException.InvalidField::field).toList());
        assertEquals("learning.disagrees-with-rule", refused.get(0).reasonKey());
        assertEquals(List.of("2.9", "1.25"), List.of(refused.get(0).arguments()));
    }

    @Test
    void creditsArePositiveWithAtMostOneDecimalAndBothAreGivenWithoutARule() {
        var refused = fields(() -> LearningAgreement.checked(List.of(
                draft(CARDIOLOGY, "4.25", "0", "1.5"),
                draft(ANATOMY, "6", null, null),
                draft(CARDIOLOGY, "-1", "2", "1.5"))));

        assertEquals(List.of("components[0].ects:learning.credit-amount", "components[0].chineseCredits:learning.credit-amount",
                        "components[1].chineseCredits:learning.both-without-rule", "components[2].sessionId:learning.session-twice",
                        "components[2].ects:learning.credit-amount"),
                refused.stream().map(f -> f.field() + ":" + f.reasonKey()).toList());
        var byHand = LearningAgreement.checked(List.of(draft(ANATOMY, "6", "4", null))).get(0);
        assertEquals(Component.Given.BOTH, byHand.given());
        assertEquals(null, byHand.ectsPerChineseCredit(), "set by hand: no rule converted anything");
        assertEquals("components", fields(() -> LearningAgreement.checked(List.of())).get(0).field());
        assertEquals("components[0].ectsPerChineseCredit",
                fields(() -> LearningAgreement.checked(List.of(draft(ANATOMY, "6", null, "0")))).get(0).field());
    }

    @Test
    void theHashNamesTheContentWhateverTheWayAnAmountIsWritten() {
        String six = LearningAgreementVersion.hash(LearningAgreement.checked(List.of(draft(CARDIOLOGY, "6", null, "1.5"))));
        String sixPointZero = LearningAgreementVersion.hash(LearningAgreement.checked(List.of(draft(CARDIOLOGY, "6.0", null, "1.50"))));
        String other = LearningAgreementVersion.hash(LearningAgreement.checked(List.of(draft(CARDIOLOGY, "6.5", null, "1.5"))));

        assertEquals(six, sixPointZero);
        assertNotEquals(six, other);
        assertTrue(six.matches("[0-9a-f]{64}"));
    }

    @Test
    void threeApprovalsOfTheSameHashPutAVersionInForceAndSupersedeTheOneBefore() {
        var agreement = LearningAgreement.none(mobility.id);
        var first = agreement.propose(mobility, 0, List.of(draft(CARDIOLOGY, null, "4", "1.5")), "student-sub", NOW);
        approveByAll(agreement, first.contentHash);
        var second = agreement.propose(mobility, agreement.revision,
                List.of(draft(CARDIOLOGY, null, "4", "1.5"), draft(ANATOMY, "4.5", "3", "1.5")), "sjtusm-sub", NOW);

        assertEquals(first, agreement.inForce().orElseThrow(), "the version in force stays until the next is approved");
        assertEquals(List.of(), agreement.approve(mobility, Party.STUDENT, second.contentHash, "student-sub", "student", NOW));
        assertEquals(List.of(), agreement.approve(mobility, Party.STUDENT, second.contentHash, "student-sub", "student", NOW));
        assertEquals(1, second.approvals.size(), "approving twice counts once");
        assertEquals(List.of(), agreement.approve(mobility, Party.SENDING_COORDINATOR, second.contentHash, "lyon1-sub", "coordinator", NOW));
        var approved = (LearningAgreementApproved) agreement.approve(mobility, Party.RECEIVING_COORDINATOR, second.contentHash,
                "sjtusm-sub", "admin", NOW).get(0);
        assertEquals(second.number, approved.versionNumber());
        assertEquals(second.contentHash, approved.contentHash());
        assertEquals(mobility.receivingInstitution, approved.receivingInstitution());

        assertEquals(LearningAgreementVersion.Status.SUPERSEDED, first.status);
        assertEquals(LearningAgreementVersion.Status.APPROVED, second.status);
        assertTrue(agreement.pending().isEmpty());
    }

    @Test
    void aNewProposalWithdrawsThePendingOneAndAStaleHashIsRefusedNamingTheCurrent() {
        var agreement = LearningAgreement.none(mobility.id);
        var first = agreement.propose(mobility, 0, List.of(draft(CARDIOLOGY, null, "4", "1.5")), "student-sub", NOW);
        var second = agreement.propose(mobility, 1, List.of(draft(CARDIOLOGY, null, "5", "1.5")), "student-sub", NOW);

        assertEquals(LearningAgreementVersion.Status.WITHDRAWN, first.status);
        var stale = assertThrows(ProblemException.class,
                () -> agreement.approve(mobility, Party.STUDENT, first.contentHash, "student-sub", "student", NOW));
        assertEquals(LearningAgreementProblems.STALE_APPROVAL, stale.type());
        assertEquals(List.of(2, second.contentHash), List.of(stale.arguments()));
        var unchanged = assertThrows(ProblemException.class,
                () -> agreement.propose(mobility, 2, List.of(draft(CARDIOLOGY, null, "5.0", "1.50")), "student-sub", NOW));
        assertEquals(LearningAgreementProblems.UNCHANGED, unchanged.type(), "the same proposal, written another way");
        assertEquals(2, agreement.revision);
        var stalerevision = assertThrows(ProblemException.class,
                () -> agreement.propose(mobility, 1, List.of(draft(ANATOMY, null, "5", "1.5")), "student-sub", NOW));
        assertEquals(ProblemType.PRECONDITION_FAILED, stalerevision.type(), "proposed against a revision already changed");
    }

    @Test
    void aClosedMobilitysLearningAgreementNoLongerChanges() {
        var agreement = LearningAgreement.none(mobility.id);
        var proposal = agreement.propose(mobility, 0, List.of(draft(CARDIOLOGY, null, "4", "1.5")), "student-sub", NOW);
        mobility.seatsRefused(List.of(new Mobility.SeatRefusal(CARDIOLOGY, "SESSION_FULL")), NOW);

        var closed = assertThrows(ProblemException.class,
                () -> agreement.approve(mobility, Party.STUDENT, proposal.contentHash, "student-sub", "student", NOW));
        assertEquals(LearningAgreementProblems.CLOSED, closed.type());
        assertEquals(List.of(MobilityStatus.SEAT_REFUSED), List.of(closed.arguments()));
        assertThrows(ProblemException.class,
                () -> agreement.propose(mobility, 1, List.of(draft(ANATOMY, null, "5", "1.5")), "student-sub", NOW));
    }

    private void approveByAll(LearningAgreement agreement, String hash) {
        for (Party party : Party.values()) {
            agreement.approve(mobility, party, hash, party.name(), "coordinator", NOW);
        }
    }

    private static List<InvalidFieldsException.InvalidField> fields(org.junit.jupiter.api.function.Executable check) {
        return assertThrows(InvalidFieldsException.class, check).fields();
    }
}
