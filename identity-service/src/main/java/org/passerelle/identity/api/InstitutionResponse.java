package org.passerelle.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.identity.Institution;
import org.passerelle.identity.InstitutionUnit;
import org.passerelle.identity.UnitKind;
import org.passerelle.runtime.text.LocalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Schema(name = "Institution")
public record InstitutionResponse(
        @Schema(example = "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d03") UUID id,
        @Schema(description = "SCHAC code, the institution's primary identifier", example = "univ-lyon1.fr") String schacCode,
        @Schema(description = "SCHAC codes it was known by before", example = "[]") List<String> previousSchacCodes,
        @Schema(nullable = true, description = "Erasmus code as registered, with its padding", example = "F  LYON01") String erasmusCode,
        @Schema(nullable = true, description = "Participant Identification Code", example = "999884052") String pic,
        LocalizedText name,
        @Schema(description = "ISO 3166-1 alpha-2", example = "FR") String countryCode,
        @Schema(description = "True when the institution itself is illustrative demo data") boolean illustrative,
        @Schema(description = "Details that are illustrative demo data for a real institution", example = "[\"erasmusCode\"]")
        List<String> illustrativeDetails,
        @Schema(description = "Faculties and hospitals, each with its departments") List<Unit> units) {

    @Schema(name = "Unit", description = "A faculty, hospital or department; its id is stable across changes")
    public record Unit(
            UUID id,
            @Schema(example = "HOSPITAL") UnitKind kind,
            LocalizedText name,
            @Schema(description = "True when the unit is illustrative demo data") boolean illustrative,
            @Schema(description = "The departments of a faculty or hospital") List<Unit> units) {
    }

    static InstitutionResponse of(Institution i) {
        return new InstitutionResponse(i.id, i.schacCode, List.copyOf(i.previousSchacCodes), i.erasmusCode, i.pic,
                i.name, i.countryCode, i.illustrative, List.of(i.illustrativeDetails), tree(i.units));
    }

    /** The flat, ordered units as a tree: children under their parent, in their order. */
    private static List<Unit> tree(List<InstitutionUnit> units) {
        Map<UUID, List<InstitutionUnit>> byParent = units.stream().filter(u -> u.parentId != null)
                .collect(Collectors.groupingBy(u -> u.parentId, Collectors.toList()));
        var roots = new ArrayList<Unit>();
        units.stream().filter(u -> u.parentId == null).forEach(u -> roots.add(node(u, byParent)));
        return roots;
    }

    private static Unit node(InstitutionUnit unit, Map<UUID, List<InstitutionUnit>> byParent) {
        return new Unit(unit.id, unit.kind, unit.name, unit.illustrative,
                byParent.getOrDefault(unit.id, List.of()).stream().map(child -> node(child, byParent)).toList());
    }
}
