package org.passerelle.runtime.openapi;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pattern in the documents matches the whole value, and means what the service checks. */
class PatternsTest {

    @Test
    void aPatternIsAnchoredAndAnAlternationStaysWhole() {
        assertEquals("^(?:[0-9]{4}/[0-9]{4})$", Patterns.anchored("[0-9]{4}/[0-9]{4}"));
        assertEquals("^(?:a|b)$", Patterns.anchored("a|b"));
        assertEquals("^[A-Z]{2}$", Patterns.anchored("^[A-Z]{2}$"));
    }

    /** @NotBlank is written "\S" by the scanner: anchoring it as is would allow one character only. */
    @Test
    void notBlankStaysNotBlank() {
        var notBlank = Pattern.compile(Patterns.anchored("\\S"));
        assertTrue(notBlank.matcher("sjtu.edu.cn").matches());
        assertTrue(notBlank.matcher(" Lyon 1 ").matches());
        assertTrue(notBlank.matcher("x").matches());
        assertFalse(notBlank.matcher("   ").matches());
        assertFalse(notBlank.matcher("").matches());
        assertFalse(notBlank.matcher(" \t\n").matches());
        assertTrue(notBlank.matcher("王芳 😀\n").matches());
        assertFalse(Patterns.anchored("\\S").contains("\\s") || Patterns.anchored("\\S").contains("\\S"),
                "no \\s nor \\S, which ECMA-262 and Java read differently");
    }
}
