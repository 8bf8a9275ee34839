package org.passerelle.runtime.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which texts are searched: without accents, in lower case, with runs of spaces and punctuation
 * made one space. "Hépato-gastroentérologie" is searched as "hepato gastroenterologie"; Chinese characters
 * are kept as they are, so "肝" finds "肝胆外科". Store the normalised text beside the original and match a
 * normalised query against it with {@code like}.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{Z}\\p{P}\\p{S}\\s]+");

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // NFKD splits "é" into "e" + a combining accent and folds full-width forms; the marks are then dropped.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                .replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('œ', 'o').replace('Œ', 'o')
                .replace('æ', 'a').replace('Æ', 'a').replace('ł', 'l').replace('Ł', 'l');
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Normalises several texts (e.g. the three languages of a title) into one searchable text. */
    public static String of(String... texts) {
        var joined = new StringBuilder();
        for (String text : texts) {
            String normalized = normalize(text);
            if (!normalized.isEmpty()) {
                joined.append(joined.isEmpty() ? "" : " | ").append(normalized);
            }
        }
        return joined.toString();
    }

    /**
     * A {@code like} pattern for a user's query. Normalising removes punctuation, '%', '_' and the backslash among it, so
     * a query cannot carry wildcards of its own.
     */
    public static String containsPattern(String query) {
        return "%" + normalize(query) + "%";
    }
}
