package org.passerelle.identity;

import org.passerelle.runtime.text.LocalizedText;

import java.util.List;

/** What an institution is registered or changed with. */
public record InstitutionDetails(
        String schacCode,
        List<String> previousSchacCodes,
        String erasmusCode,
        String pic,
        LocalizedText name,
        String countryCode,
        List<UnitPlan> units) {

    public InstitutionDetails {
        previousSchacCodes = previousSchacCodes == null ? List.of() : List.copyOf(previousSchacCodes);
        units = units == null ? List.of() : List.copyOf(units);
    }
}
