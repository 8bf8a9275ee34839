package org.passerelle.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.passerelle.runtime.text.Identifiers;

/** One identifier of a person: its scheme, its value and, for a passport, the issuing country. */
@Embeddable
public class PersonIdentifier {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentifierScheme scheme;

    @Column(nullable = false)
    public String value;

    @Column(name = "issuing_country")
    public String issuingCountry;

    protected PersonIdentifier() {
    }

    /** The value and country in their normal form, whatever form they were typed in ("123456789ab" is 123456789AB). */
    public PersonIdentifier(IdentifierScheme scheme, String value, String issuingCountry) {
        this.scheme = scheme;
        this.value = scheme == null ? value : scheme.normalize(value);
        this.issuingCountry = Identifiers.code(issuingCountry);
    }

    /** The value as the database matches it (see person_identifier.match_key). */
    public String matchKey() {
        return (issuingCountry == null ? "" : issuingCountry + ":") + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonIdentifier that && scheme == that.scheme && matchKey().equals(that.matchKey());
    }

    @Override
    public int hashCode() {
        return scheme.hashCode() * 31 + matchKey().hashCode();
    }

    @Override
    public String toString() {
        return scheme + " " + matchKey();
    }
}
