package org.passerelle.runtime.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Titles and details of problems in French, English or Chinese. A service's own bundle {@code problems}
 * is read first, then the shared one; English is the fallback, never the JVM's default locale.
 */
public final class ProblemMessages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.CHINESE);
    private static final List<String> BUNDLES = List.of("problems", "org.passerelle.runtime.problems");
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    /**
     * The language of a request's answers, from its Accept-Language header: the one place that decides it, for
     * titles, details and validation messages alike. RFC 4647 lookup over the supported languages honours q-values
     * and regional tags ({@code fr-CA} and {@code zh-Hans} are French and Chinese); anything else, a missing or a
     * malformed header, is English.
     */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    public static String title(ProblemType type, Locale locale) {
        return text(type.slug() + ".title", locale);
    }

    public static String detail(ProblemType type, Locale locale, Object... arguments) {
        String pattern = find(type.slug() + ".detail", locale);
        return pattern == null ? null : new MessageFormat(pattern, locale).format(arguments);
    }

    public static String text(String key, Locale locale, Object... arguments) {
        String pattern = find(key, locale);
        if (pattern == null) {
            return key;
        }
        // every message is a MessageFormat pattern, with or without arguments: an apostrophe is always written ''
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static String find(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle messages = ResourceBundle.getBundle(bundle, locale,
                        Thread.currentThread().getContextClassLoader(), NO_JVM_FALLBACK);
                if (messages.containsKey(key)) {
                    return messages.getString(key);
                }
            } catch (MissingResourceException absent) {
                // a service without its own bundle: try the next
            }
        }
        return null;
    }
}
