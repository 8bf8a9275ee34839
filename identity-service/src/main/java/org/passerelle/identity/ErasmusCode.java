package org.passerelle.identity;

/**
 * Erasmus institution codes are padded with spaces to a fixed width ("F  LYON01", "UK LONDON01") and people
 * type them with any spacing: they match on the code without whitespace. Letters are compared as they are.
 */
public final class ErasmusCode {

    private ErasmusCode() {
    }

    /** The form codes are matched and kept unique by; null for no code. */
    public static String key(String code) {
        if (code == null) {
            return null;
        }
        String key = code.replaceAll("\\s+", "");
        return key.isEmpty() ? null : key;
    }
}
