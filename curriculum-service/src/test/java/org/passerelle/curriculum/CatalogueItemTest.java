package org.passerelle.curriculum;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueItemTest {

    static final LocalizedText TITLE = LocalizedText.of("Hépato-gastroentérologie", "Hepato-gastroenterology", "肝胆外科");

    static CatalogueItem.Details internship(String hospital, Integer durationMonths, Supervisor supervisor) {
        return new CatalogueItem.Details(CatalogueItemKind.CLINICAL_INTERNSHIP, TITLE, TITLE, "fr", null, null, null,
                hospital, "Hepatobiliary surgery", "Hepato-gastroenterology", 8, 4,
                List.of(Requirement.of(ComplianceRequirement.HEPATITIS_B_VACCINATION)), null, null, null, durationMonths, supervisor, null,
                "sjtu.edu.cn");
    }

    @Test
    void anInternshipNeedsItsHospitalAndHasNoDurationInMonths() {
        var invalid = assertThrows(InvalidFieldsException.class, () -> CatalogueItem.publish(internship(null, 3, null), Instant.now()));
        assertEquals(List.of("hospital", "durationMonths"), invalid.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
        assertEquals(List.of("item.required-for-kind", "item.not-for-kind"),
                invalid.fields().stream().map(InvalidFieldsException.InvalidField::reasonKey).toList());
    }

    @Test
    void itsTitlesAreSearchedWithoutAccentsOrCase() {
        var item = CatalogueItem.publish(internship("Ruijin Hospital", null, null), Instant.now()).item();
        assertEquals("hepato gastroenterologie | hepato gastroenterology | 肝胆外科", item.searchText);
    }

    @Test
    void itsSupervisorIsTheAccountNamedOnIt() {
        var item = CatalogueItem.publish(internship("Ruijin Hospital", null, new Supervisor("acc-1", "王芳 Wáng Fāng")), Instant.now()).item();
        assertTrue(item.isSupervisedBy("acc-1"));
        assertFalse(item.isSupervisedBy("acc-2"));
        assertFalse(CatalogueItem.publish(internship("Ruijin Hospital", null, null), Instant.now()).item().isSupervisedBy(null));
    }

    @Test
    void anItemNamesEachKindOfRequirementOnce() {
        var twice = new CatalogueItem.Details(CatalogueItemKind.CLINICAL_INTERNSHIP, TITLE, TITLE, "fr", null, null, null,
                "Ruijin Hospital", "Hepatobiliary surgery", "Hepato-gastroenterology", 8, 4,
                List.of(Requirement.of(ComplianceRequirement.HEALTH_INSURANCE),
                        new Requirement(ComplianceRequirement.HEALTH_INSURANCE, false, Requirement.CheckedBy.SENDING)),
                null, null, null, null, null, null, "sjtu.edu.cn");
        var invalid = assertThrows(InvalidFieldsException.class, () -> CatalogueItem.publish(twice, Instant.now()));
        assertEquals(List.of("item.requirement-twice"), invalid.fields().stream().map(InvalidFieldsException.InvalidField::reasonKey).toList());
    }

    @Test
    void anInsuranceCoversTheWholeStayAndAVaccinationItsStartUnlessTheItemSaysOtherwise() {
        assertTrue(Requirement.of(ComplianceRequirement.HEALTH_INSURANCE).validForWholeStay);
        assertTrue(Requirement.of(ComplianceRequirement.VISA).validForWholeStay);
        assertFalse(Requirement.of(ComplianceRequirement.HEPATITIS_B_VACCINATION).validForWholeStay);
        assertEquals(Requirement.CheckedBy.RECEIVING, Requirement.of(ComplianceRequirement.VISA).checkedBy);
    }
}
