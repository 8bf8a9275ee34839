package org.passerelle.runtime.openapi;

/**
 * Patterns as the OpenAPI document gives them: JSON Schema reads a pattern as an ECMA-262 regular expression that
 * may match anywhere in the value, where Bean Validation matches the whole value. Sources write patterns in the
 * syntax both accept (\p{Script=Han}, not Java's \p{IsHan}); here they are anchored.
 */
public final class Patterns {

    private Patterns() {
    }

    public static String anchored(String pattern) {
        String start = pattern.startsWith("^") ? "" : "^";
        boolean ends = pattern.endsWith("$") && !pattern.endsWith("\\$");
        if (!start.isEmpty() || !ends) {
            // a group, so that an alternation stays whole: a|b becomes ^(?:a|b)$
            return "^(?:" + strip(pattern) + ")$";
        }
        return pattern;
    }

    private static String strip(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return p.endsWith("$") && !p.endsWith("\\$") ? p.substring(0, p.length() - 1) : p;
    }
}
