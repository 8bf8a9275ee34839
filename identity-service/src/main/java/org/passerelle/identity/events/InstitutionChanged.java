package org.passerelle.identity.events;

import org.passerelle.identity.Institution;
import org.passerelle.runtime.events.EventType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An institution as it is after a change: the whole state, so that a consumer replaces what it kept (a unit
 * missing from the list was removed). Schema: docs/events/identity/.
 */
@EventType(name = "InstitutionChanged", version = 1, aggregate = "institution")
public record InstitutionChanged(
        UUID institutionId,
        String schacCode,
        List<String> previousSchacCodes,
        String erasmusCode,
        String pic,
        LocalizedText name,
        String countryCode,
        boolean illustrative,
        List<UnitFact> units,
        Instant changedAt) implements InstitutionEvent {

    public static InstitutionChanged of(Institution i, Instant at) {
        return new InstitutionChanged(i.id, i.schacCode, List.copyOf(i.previousSchacCodes), i.erasmusCode, i.pic,
                i.name, i.countryCode, i.illustrative, i.units.stream().map(UnitFact::of).toList(), at);
    }
}
