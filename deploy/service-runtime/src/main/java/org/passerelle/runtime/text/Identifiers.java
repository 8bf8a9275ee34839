package org.passerelle.runtime.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form in which every service stores, compares and looks up a person's identifiers, whatever form they
 * were typed in: NFKC first (full-width "１２３" as typed with a Chinese input method becomes "123", a
 * non-breaking space a space), then without surrounding spaces. Codes (INE, SJTU student numbers, passport
 * numbers) are in capitals: "123456789ab" is INE 123456789AB. Emails are in lower case, whole: every mail system
 * of the cooperation's universities ignores case, and so does Keycloak, which stores them in lower case.
 * Blank is null. See docs/api/conventions.md, Identifiers.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** An INE, SJTU student number or passport number: NFKC, stripped, in capitals. */
    public static String code(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** An email: NFKC, stripped, in lower case. */
    public static String email(String value) {
        String text = text(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** An identifier whose case matters (the code of a European Student Identifier): NFKC and stripped only. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String normal = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        return normal.isEmpty() ? null : normal;
    }
}
