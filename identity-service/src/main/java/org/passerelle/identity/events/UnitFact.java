package org.passerelle.identity.events;

import org.passerelle.identity.InstitutionUnit;
import org.passerelle.identity.UnitKind;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

/** A unit as the institution events carry it: flat, each naming its parent, parents first. */
public record UnitFact(UUID unitId, UnitKind kind, UUID parentUnitId, LocalizedText name) {

    static UnitFact of(InstitutionUnit unit) {
        return new UnitFact(unit.id, unit.kind, unit.parentId, unit.name);
    }
}
