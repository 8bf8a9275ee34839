package org.passerelle.runtime.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes an erased person's values from the tables every service has: events kept in the outbox (published
 * ones are kept a week) and the answers stored for Idempotency-Key replays. A service first anonymises its own
 * rows, learning there the plain values (names, email, identifiers) that copies may hold, then calls this in the
 * same transaction.
 */
@ApplicationScoped
public class ErasedValues {

    /** What replaces an erased value inside a kept event or answer. */
    public static final String MARK = "erased";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Fingerprints fingerprints;

    /**
     * What every service does last when a person is erased: {@link #scrub} the plain values its own rows held, then
     * {@link #forgetCallers} whose account has one of the event's fingerprints. Returns how many stored answers of
     * the person's requests were forgotten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(PersonErased erased, Collection<String> values) {
        scrub(values);
        Set<String> prints = erased.fingerprintSet();
        return forgetCallers(caller -> fingerprints.matches(prints, Fingerprints.ACCOUNT, caller));
    }

    /**
     * Replaces every occurrence of the values (any case) in the text of kept events and stored answers. Returns
     * how many rows changed. Values shorter than two characters are skipped: they would match everywhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int scrub(Collection<String> values) {
        List<String> kept = values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> v.length() >= 2)
                .distinct().toList();
        if (kept.isEmpty()) {
            return 0;
        }
        Pattern any = anyOf(kept);
        int changed = 0;
        for (Object[] row : rows("select id, cast(payload as text) from outbox_event where cast(payload as text) ilike any(cast(?1 as text[]))", kept)) {
            entityManager.createNativeQuery("update outbox_event set payload = cast(?2 as jsonb) where id = ?1")
                    .setParameter(1, row[0]).setParameter(2, rewrite((String) row[1], any)).executeUpdate();
            changed++;
        }
        for (Object[] row : rows("select caller, idempotency_key, body from idempotent_creation where body ilike any(cast(?1 as text[]))", kept)) {
            entityManager.createNativeQuery("update idempotent_creation set body = ?3 where caller = ?1 and idempotency_key = ?2")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, rewrite((String) row[2], any))
                    .executeUpdate();
            changed++;
        }
        return changed;
    }

    /**
     * Forgets the stored answers of requests an erased person sent (the caller column is their account): a replay
     * of their key would create again, which they can no longer do. Returns how many were deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetCallers(Predicate<String> erased) {
        @SuppressWarnings("unchecked")
        List<String> callers = entityManager.createNativeQuery("select distinct caller from idempotent_creation").getResultList();
        int deleted = 0;
        for (String caller : callers.stream().filter(erased).toList()) {
            deleted += entityManager.createNativeQuery("delete from idempotent_creation where caller = ?1")
                    .setParameter(1, caller).executeUpdate();
        }
        return deleted;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<String> values) {
        String[] patterns = values.stream().map(v -> "%" + v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        String array = toArrayLiteral(patterns);
        return entityManager.createNativeQuery(sql).setParameter(1, array).getResultList();
    }

    /** A PostgreSQL text[] literal: each element quoted, quotes and backslashes escaped. */
    private static String toArrayLiteral(String[] elements) {
        var literal = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(elements[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static Pattern anyOf(List<String> values) {
        // the longest first, so that a full name is replaced before a part of it
        String alternatives = String.join("|", values.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());
        return Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Inside JSON only the string values change, so the document stays valid; other text is replaced as is. */
    String rewrite(String text, Pattern values) {
        try {
            JsonNode tree = json.readTree(text);
            return json.writeValueAsString(rewrite(tree, values));
        } catch (Exception notJson) {
            return replace(text, values);
        }
    }

    private JsonNode rewrite(JsonNode node, Pattern values) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(rewrite(field.getValue(), values)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), values));
            }
            return array;
        }
        if (node instanceof TextNode text) {
            return TextNode.valueOf(replace(text.textValue(), values));
        }
        return node;
    }

    private static String replace(String text, Pattern values) {
        return values.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
    }
}
