package org.passerelle.runtime.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How every service stores and searches a person's name. "Éloïse" may arrive with "é" as one character (NFC, as
 * Windows and most forms write it) or as "e" and a combining accent (NFD, as macOS writes file names and some
 * exports); stored in NFC, the two are one name. Searching is the database's: {@code search_form(text)} in each
 * service's migrations drops accents (PostgreSQL {@code unaccent}), case, apostrophes and hyphens, so that
 * "daubigne" finds "D’Aubigné" and "jean pierre" finds "Jean-Pierre".
 */
public final class PersonNames {

    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-‐‑–—.·]+");
    private static final int MAX_WORDS = 6;

    private PersonNames() {
    }

    /** The name as stored: NFC, without surrounding spaces; null stays null. */
    public static String normalize(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    }

    /**
     * The words of a name query, each to be found in the name (in any order): NFC, split at spaces and hyphens, the
     * LIKE wildcards and escape character escaped so that a query cannot widen itself. Empty for a blank query.
     */
    public static List<String> searchWords(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(WORD_BREAKS.split(normalize(query)))
                .filter(word -> !word.isEmpty())
                .limit(MAX_WORDS)
                .map(word -> word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .toList();
    }
}
