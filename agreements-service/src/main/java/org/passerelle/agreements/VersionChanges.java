package org.passerelle.agreements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What changed from one version of an agreement to another: the fields of the agreement, and the conditions
 * added, removed or changed (matched by their id, which stays the same across versions).
 */
public record VersionChanges(int from, int to, List<FieldChange> fields, List<ConditionChange> conditions) {

    public record FieldChange(String field, Object from, Object to) {
    }

    public enum Change { ADDED, REMOVED, CHANGED }

    public record ConditionChange(UUID id, Change change, List<FieldChange> fields) {
    }

    public static VersionChanges between(int fromNumber, AgreementContent from, int toNumber, AgreementContent to) {
        var conditions = new ArrayList<ConditionChange>();
        Map<UUID, CooperationCondition> before = byId(from.conditions());
        Map<UUID, CooperationCondition> after = byId(to.conditions());
        before.forEach((id, condition) -> {
            var now = after.get(id);
            if (now == null) {
                conditions.add(new ConditionChange(id, Change.REMOVED, changes(condition.terms(), Map.of())));
            } else if (!condition.terms().equals(now.terms())) {
                conditions.add(new ConditionChange(id, Change.CHANGED, changes(condition.terms(), now.terms())));
            }
        });
        after.forEach((id, condition) -> {
            if (!before.containsKey(id)) {
                conditions.add(new ConditionChange(id, Change.ADDED, changes(Map.of(), condition.terms())));
            }
        });
        return new VersionChanges(fromNumber, toNumber, changes(terms(from), terms(to)), conditions);
    }

    private static Map<UUID, CooperationCondition> byId(List<CooperationCondition> conditions) {
        var byId = new LinkedHashMap<UUID, CooperationCondition>();
        conditions.forEach(c -> byId.put(c.id, c));
        return byId;
    }

    private static Map<String, Object> terms(AgreementContent content) {
        var terms = new LinkedHashMap<String, Object>();
        terms.put("kind", content.kind());
        terms.put("title.fr", content.title().fr());
        terms.put("title.en", content.title().en());
        terms.put("title.zh", content.title().zh());
        terms.put("parties", content.parties());
        terms.put("signedOn", content.signedOn());
        terms.put("signedAt", content.signedAt());
        terms.put("firstAcademicYear", content.firstAcademicYear());
        terms.put("lastAcademicYear", content.lastAcademicYear());
        return terms;
    }

    /** The fields whose values differ, in the order of the terms; a field absent on one side is null there. */
    private static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        var keys = new LinkedHashMap<String, Boolean>();
        before.keySet().forEach(k -> keys.put(k, true));
        after.keySet().forEach(k -> keys.put(k, true));
        var changes = new ArrayList<FieldChange>();
        for (String key : keys.keySet()) {
            Object was = before.get(key);
            Object is = after.get(key);
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(key, was, is));
            }
        }
        return changes;
    }
}
