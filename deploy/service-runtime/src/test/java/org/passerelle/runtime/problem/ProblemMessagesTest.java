package org.passerelle.runtime.problem;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every message is a MessageFormat pattern: an apostrophe is written twice and shown once, with or without arguments. */
class ProblemMessagesTest {

    @Test
    void apostrophesShowOnceInEveryLanguage() {
        for (Locale locale : ProblemMessages.SUPPORTED) {
            var bundle = ResourceBundle.getBundle("org.passerelle.runtime.problems", locale);
            for (String key : bundle.keySet()) {
                String shown = ProblemMessages.text(key, locale, 1, 2, 3);
                assertFalse(shown.contains("''"), key + " (" + locale + "): " + shown);
            }
        }
        assertEquals("La requête n'a pas pu être lue ; voir errors.", ProblemMessages.text("malformed-request.detail", Locale.FRENCH));
    }
}
