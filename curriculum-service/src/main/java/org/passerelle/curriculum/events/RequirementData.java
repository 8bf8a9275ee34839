package org.passerelle.curriculum.events;

import org.passerelle.curriculum.ComplianceRequirement;
import org.passerelle.curriculum.Requirement;

import java.util.Collection;
import java.util.List;

/** A compliance requirement of an item as events carry it: mobility-service derives each mobility's checklist from it. */
public record RequirementData(ComplianceRequirement kind, boolean validForWholeStay, Requirement.CheckedBy checkedBy) {

    static List<RequirementData> of(Collection<Requirement> requirements) {
        return requirements.stream().sorted().map(r -> new RequirementData(r.kind, r.validForWholeStay, r.checkedBy)).toList();
    }
}
