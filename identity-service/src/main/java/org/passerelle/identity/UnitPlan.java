package org.passerelle.identity;

import org.passerelle.runtime.text.LocalizedText;

import java.util.List;
import java.util.UUID;

/**
 * A unit as a request describes it, with the units it contains. {@code id} names an existing unit of the
 * institution to keep (and its id); null for a new one.
 */
public record UnitPlan(UUID id, UnitKind kind, LocalizedText name, List<UnitPlan> units) {

    public UnitPlan {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
