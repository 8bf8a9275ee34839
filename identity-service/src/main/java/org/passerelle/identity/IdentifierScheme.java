package org.passerelle.identity;

import org.passerelle.runtime.text.Identifiers;

import java.util.regex.Pattern;

/** The identifiers a person is known by across the cooperation, each with the format it must have. */
public enum IdentifierScheme {
    /** French national student number: 9 digits and 2 letters (since 2018), or 10 digits and 1 letter; no public check key. */
    INE("[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]"),
    /** Student number at Shanghai Jiao Tong University. */
    SJTU_STUDENT_NUMBER("[0-9A-Z]{6,20}"),
    /** European Student Identifier: urn:schac:personalUniqueCode:int:esi:<issuer>:<code>. */
    ESI("(?i:urn:schac:personalUniqueCode:int:esi:)[a-z0-9.-]+:[A-Za-z0-9._-]{1,64}"),
    /** A passport number, unique within its issuing country. */
    PASSPORT("[0-9A-Z]{5,20}");

    private final Pattern format;

    IdentifierScheme(String format) {
        this.format = Pattern.compile(format);
    }

    /**
     * The value as it is stored and looked up (the runtime's Identifiers rule): codes in capitals, an ESI as typed
     * (its code is case-sensitive); NFKC and without surrounding spaces for all.
     */
    public String normalize(String value) {
        return this == ESI ? Identifiers.text(value) : Identifiers.code(value);
    }

    public boolean accepts(String value) {
        return value != null && format.matcher(value).matches();
    }

    /** Only passports name the country that issued them. */
    public boolean hasIssuingCountry() {
        return this == PASSPORT;
    }

    /** Key of the message that says what format is expected. */
    public String formatReason() {
        return "identifier.format." + name();
    }
}
