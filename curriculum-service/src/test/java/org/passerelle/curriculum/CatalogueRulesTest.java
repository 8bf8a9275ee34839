package org.passerelle.curriculum;

import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.events.CatalogueItemChanged;
import org.passerelle.curriculum.events.CatalogueItemPublished;
import org.passerelle.curriculum.events.CatalogueItemWithdrawn;
import org.passerelle.curriculum.events.RequirementData;
import org.passerelle.curriculum.mothers.CatalogueItemMother;
import org.passerelle.curriculum.mothers.SessionMother;
import org.passerelle.runtime.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.passerelle.curriculum.mothers.CatalogueItemMother.AT;

/** The rules of a catalogue item and the events its publication, revisions and withdrawal cause, without starting anything. */
class CatalogueRulesTest {

    @Test
    void aPublishedItemIsAnnouncedWithWhatTheChecklistsAndCreditsNeed() {
        var published = CatalogueItem.publish(CatalogueItemMother.internship()
                .requiring(ComplianceRequirement.HEPATITIS_B_VACCINATION, ComplianceRequirement.HEALTH_INSURANCE).details(), AT);

        var item = published.item();
        assertEquals(CatalogueItemStatus.PUBLISHED, item.status);
        var event = assertInstanceOf(CatalogueItemPublished.class, single(published.events()));
        assertEquals(item.id, event.itemId());
        assertEquals("sjtu.edu.cn", event.offeredBy());
        assertEquals(AT, event.publishedAt());
        assertEquals(List.of(ComplianceRequirement.HEPATITIS_B_VACCINATION, ComplianceRequirement.HEALTH_INSURANCE),
                event.requirements().stream().map(RequirementData::kind).toList(), "in the order of the kinds");
        assertEquals(0, event.credits().ects().compareTo(new java.math.BigDecimal("6")));
    }

    @Test
    void aRevisionIsAnnouncedAsTheItemIsNowAndKeepsWhoOffersItWhenItDoesNotSay() {
        var item = CatalogueItemMother.internship().offeredBy("univ-lyon1.fr").build();

        var revision = CatalogueItemMother.internship().hospital("Renji Hospital").offeredBy(null)
                .requiring(ComplianceRequirement.VISA).details();
        var changed = assertInstanceOf(CatalogueItemChanged.class, single(item.revise(revision, AT.plusSeconds(60))));

        assertEquals("Renji Hospital", item.hospital);
        assertEquals("univ-lyon1.fr", changed.offeredBy());
        assertEquals(List.of(ComplianceRequirement.VISA), changed.requirements().stream().map(RequirementData::kind).toList());
        assertEquals(AT.plusSeconds(60), changed.changedAt());
    }

    @Test
    void aWithdrawnItemTakesItsSessionsWithItInOneEventAndChangesNoMore() {
        var item = CatalogueItemMother.summerProgramme().build();
        var july = SessionMother.open().of(item).build();
        var august = SessionMother.planned().of(item).build();

        var withdrawn = single(item.withdraw(List.of(july, august), AT));

        assertEquals(new CatalogueItemWithdrawn(item.id, AT), withdrawn);
        assertEquals(CatalogueItemStatus.WITHDRAWN, item.status);
        assertEquals(List.of(SessionStatus.WITHDRAWN, SessionStatus.WITHDRAWN), List.of(july.status, august.status));
        assertEquals(CurriculumProblems.ITEM_WITHDRAWN, assertThrows(ProblemException.class,
                () -> item.revise(CatalogueItemMother.summerProgramme().details(), AT)).type());
        assertEquals(CurriculumProblems.ITEM_WITHDRAWN, assertThrows(ProblemException.class, () -> item.withdraw(List.of(), AT)).type());
    }

    @Test
    void anItemIsNotWithdrawnWhileASessionHasHoldersAndThenNothingIsWithdrawn() {
        var item = CatalogueItemMother.summerProgramme().build();
        var free = SessionMother.open().of(item).build();
        var taken = SessionMother.open().of(item).held(3).build();

        var refused = assertThrows(ProblemException.class, () -> item.withdraw(List.of(free, taken), AT));

        assertEquals(CurriculumProblems.SESSION_HELD, refused.type());
        assertEquals(CatalogueItemStatus.PUBLISHED, item.status);
        assertEquals(SessionStatus.OPEN, free.status, "no session withdrawn before the refusal");
    }

    private static <T> T single(List<T> events) {
        assertEquals(1, events.size(), () -> "one event: " + events);
        return events.get(0);
    }
}
