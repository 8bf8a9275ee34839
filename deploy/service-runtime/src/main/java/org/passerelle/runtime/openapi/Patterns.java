package org.passerelle.runtime.openapi;

/**
 * Patterns as the OpenAPI document gives them: JSON Schema reads a pattern as an ECMA-262 regular expression that
 * may match anywhere in the value, where Bean Validation matches the whole value. Sources write patterns in the
 * syntax both accept (\p{Script=Han}, not Java's \p{IsHan}); here they are anchored.
 */
public final class Patterns {

    private Patterns() {
    }

    /** What the scanner writes for @NotBlank: "holds a character that is not a space", which it means unanchored. */
    static final String NOT_BLANK = "\\S";
    /**
     * @NotBlank as Bean Validation checks it (something left once String.trim() removed U+0000 to U+0020), anchored
     * and without \s or \S, whose spaces differ between Java and ECMA-262: blanks, one other character, then any.
     */
    static final String NOT_BLANK_ANCHORED = "^[\\u0000-\\u0020]*[^\\u0000-\\u0020](?:[^\\u0000-\\u0020]|[\\u0000-\\u0020])*$";

    public static String anchored(String pattern) {
        if (pattern.equals(NOT_BLANK)) {
            return NOT_BLANK_ANCHORED;
        }
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
