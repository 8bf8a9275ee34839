package org.passerelle.identity;

import org.junit.jupiter.api.Test;
import org.passerelle.identity.events.InstitutionChanged;
import org.passerelle.identity.events.InstitutionRegistered;
import org.passerelle.identity.events.UnitFact;
import org.passerelle.identity.mothers.InstitutionMother;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.passerelle.identity.mothers.InstitutionMother.AT;

/** An institution's registration and changes and the events they cause, without starting anything. */
class InstitutionRulesTest {

    @Test
    void aRegistrationIsAnnouncedOnceWithItsCodesAndUnits() {
        var registered = Institution.register(InstitutionMother.sjtusm().hospital("Ruijin Hospital", "Cardiology").details(), AT);

        var institution = registered.institution();
        var event = assertInstanceOf(InstitutionRegistered.class, single(registered.events()));
        assertEquals(institution.id, event.institutionId());
        assertEquals("shsmu.edu.cn", event.schacCode());
        assertEquals(AT, event.registeredAt());
        var hospital = institution.units.get(0);
        assertEquals(List.of(new UnitFact(hospital.id, UnitKind.HOSPITAL, null, hospital.name),
                new UnitFact(institution.units.get(1).id, UnitKind.DEPARTMENT, hospital.id, institution.units.get(1).name)), event.units());
        assertEquals(List.of(), institution.announceRegistration(AT), "announced once");
    }

    @Test
    void aSeededInstitutionIsAnnouncedTheFirstTimeOnly() {
        var seeded = InstitutionMother.paris().build();
        seeded.registrationAnnounced = false;   // as the migrations write the founding institutions

        var announced = assertInstanceOf(InstitutionRegistered.class, single(seeded.announceRegistration(AT)));

        assertEquals("u-paris.fr", announced.schacCode());
        assertEquals("F  PARIS482", announced.erasmusCode(), "as registered, with its padding");
        assertEquals(List.of(), seeded.announceRegistration(AT));
    }

    @Test
    void aChangeIsAnnouncedWithTheWholeStateAndAReplacedCodeAmongThePreviousOnes() {
        var institution = InstitutionMother.paris().schacCode("univ-paris5.fr").hospital("Hôpital Cochin", "Cardiologie").build();
        var cochin = institution.units.get(0);

        var changed = assertInstanceOf(InstitutionChanged.class, single(institution.change(InstitutionMother.paris()
                .unit(cochin.id, UnitKind.HOSPITAL, "Hôpital Cochin - AP-HP").details(), AT)));

        assertEquals("u-paris.fr", changed.schacCode());
        assertEquals(List.of("univ-paris5.fr"), changed.previousSchacCodes());
        assertEquals(List.of(cochin.id), changed.units().stream().map(UnitFact::unitId).toList(),
                "the hospital keeps its id; its department, no longer planned, is gone");
        assertEquals(AT, changed.changedAt());
    }

    @Test
    void aChangeThatBreaksTheUnitTreeIsRefusedByField() {
        var institution = InstitutionMother.sjtusm().hospital("Ruijin Hospital", "Cardiology").build();

        var refused = assertThrows(InvalidFieldsException.class, () -> institution.change(InstitutionMother.sjtusm()
                .schacCode("sjtu.edu.cn").unit(null, UnitKind.DEPARTMENT, "Cardiology").details(), AT));

        assertEquals("units[0].kind", refused.fields().get(0).field());
    }

    private static <T> T single(List<T> events) {
        assertEquals(1, events.size(), () -> "one event: " + events);
        return events.get(0);
    }
}
