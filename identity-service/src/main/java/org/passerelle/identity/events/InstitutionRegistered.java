package org.passerelle.identity.events;

import org.passerelle.identity.Institution;
import org.passerelle.runtime.events.EventType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new institution takes part in the cooperation; other services learn its codes, names and units from it.
 * Schema: docs/events/identity/.
 */
@EventType(name = "InstitutionRegistered", version = 1, aggregate = "institution")
public record InstitutionRegistered(
        UUID institutionId,
        String schacCode,
        List<String> previousSchacCodes,
        String erasmusCode,
        String pic,
        LocalizedText name,
        String countryCode,
        boolean illustrative,
        List<UnitFact> units,
        Instant registeredAt) implements InstitutionEvent {

    public static InstitutionRegistered of(Institution i, Instant at) {
        return new InstitutionRegistered(i.id, i.schacCode, List.copyOf(i.previousSchacCodes), i.erasmusCode, i.pic,
                i.name, i.countryCode, i.illustrative, i.units.stream().map(UnitFact::of).toList(), at);
    }
}
