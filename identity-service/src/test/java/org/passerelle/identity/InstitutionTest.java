package org.passerelle.identity;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstitutionTest {

    static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");
    static final LocalizedText NAME = LocalizedText.of("Université de Zoë", "Zoë University", "佐伊大学");

    @Test
    void erasmusCodesMatchWhateverTheirSpacingButNotTheirCase() {
        assertEquals("FLYON01", ErasmusCode.key("F  LYON01"));
        assertEquals("FLYON01", ErasmusCode.key(" F\tLYON01 "));
        assertEquals("flyon01", ErasmusCode.key("f lyon01"));
        assertNull(ErasmusCode.key("   "));
    }

    @Test
    void aReplacedSchacCodeBecomesAPreviousOneAndComingBackRemovesIt() {
        var institution = Institution.register(details("univ-paris5.fr", List.of(), List.of()), AT).institution();
        institution.change(details("u-paris.fr", List.of("univ-paris7.fr"), List.of()), AT);
        assertEquals(List.of("univ-paris5.fr", "univ-paris7.fr"), institution.previousSchacCodes.stream().sorted().toList());
        institution.change(details("univ-paris5.fr", List.copyOf(institution.previousSchacCodes), List.of()), AT);
        assertEquals(List.of("u-paris.fr", "univ-paris7.fr"), institution.previousSchacCodes.stream().sorted().toList());
    }

    @Test
    void departmentsBelongToAHospitalOrAFacultyAndKeepTheirIdAcrossChanges() {
        var hospital = new UnitPlan(null, UnitKind.HOSPITAL, NAME, List.of(new UnitPlan(null, UnitKind.DEPARTMENT, NAME, List.of())));
        var institution = Institution.register(details("zoe.example", List.of(), List.of(hospital)), AT).institution();
        var department = institution.units.get(1);
        assertEquals(institution.units.get(0).id, department.parentId);

        var moved = new UnitPlan(null, UnitKind.FACULTY, NAME, List.of(new UnitPlan(department.id, UnitKind.DEPARTMENT, NAME, List.of())));
        institution.change(details("zoe.example", List.of(), List.of(moved)), AT);
        assertEquals(2, institution.units.size());
        assertEquals(department.id, institution.units.get(1).id);
        assertEquals(institution.units.get(0).id, institution.units.get(1).parentId);

        var departmentOnTop = new UnitPlan(null, UnitKind.DEPARTMENT, NAME, List.of());
        var error = assertThrows(InvalidFieldsException.class,
                () -> institution.change(details("zoe.example", List.of(), List.of(departmentOnTop)), AT));
        assertEquals("units[0].kind", error.fields().get(0).field());
    }

    @Test
    void aPreviousCodeIsNeitherTheCurrentOneNorListedTwice() {
        var error = assertThrows(InvalidFieldsException.class,
                () -> Institution.register(details("a.example", List.of("b.example", "a.example", "b.example"), List.of()), AT));
        assertEquals(List.of("previousSchacCodes[1]", "previousSchacCodes[2]"),
                error.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
    }

    static InstitutionDetails details(String schacCode, List<String> previous, List<UnitPlan> units) {
        return new InstitutionDetails(schacCode, previous, null, null, NAME, "FR", units);
    }
}
