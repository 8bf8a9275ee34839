package org.passerelle.runtime.text;

/**
 * Text never carries C0 control characters other than tab, line feed and carriage return: PostgreSQL refuses
 * NUL outright, and the others are invisible in every screen and export that shows the text.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first control character that text may not hold, or -1. */
    public static int firstIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    public static boolean present(CharSequence text) {
        return firstIn(text) >= 0;
    }
}
