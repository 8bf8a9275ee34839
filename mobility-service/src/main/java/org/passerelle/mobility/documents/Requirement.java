package org.passerelle.mobility.documents;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper a mobility needs: its kind (curriculum-service's ComplianceRequirement, e.g. HEALTH_INSURANCE), whether
 * it must stay valid for the whole stay (an insurance, a visa) or only be valid at its start (a vaccination), and
 * whose coordinator checks it.
 */
public record Requirement(String kind, boolean validForWholeStay, CheckedBy checkedBy) {

    /** The coordinator who accepts or rejects the paper: the sending institution's or the receiving one's. */
    public enum CheckedBy { SENDING, RECEIVING }

    /**
     * One requirement per kind, in order of first appearance: two items (or an item and the receiving institution)
     * asking for the same paper ask for it once, for the whole stay if either does, checked by the receiving side
     * unless every one of them names the sending side.
     */
    public static List<Requirement> merged(Collection<Requirement> requirements) {
        Map<String, Requirement> byKind = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            byKind.merge(r.kind(), r, (a, b) -> new Requirement(a.kind(), a.validForWholeStay() || b.validForWholeStay(),
                    a.checkedBy() == CheckedBy.SENDING && b.checkedBy() == CheckedBy.SENDING ? CheckedBy.SENDING : CheckedBy.RECEIVING));
        }
        return List.copyOf(byKind.values());
    }
}
