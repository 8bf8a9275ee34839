package org.passerelle.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A student or a member of staff of one institution, with names in Latin script and, when they have one, in
 * Chinese characters with pinyin. Each identifier names one person only.
 */
@Entity
public class Person {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonKind kind;

    /** SCHAC code of the home institution: coordinators of that institution see the person. */
    @Column(name = "institution_code", nullable = false)
    public String institution;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "given_name_hanzi")
    public String givenNameHanzi;

    @Column(name = "family_name_hanzi")
    public String familyNameHanzi;

    @Column(name = "given_name_pinyin")
    public String givenNamePinyin;

    @Column(name = "family_name_pinyin")
    public String familyNamePinyin;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String nationality;

    @Column(nullable = false)
    public String email;

    /** The names as they are searched, computed by the database (see V8__name_search.sql); never written here. */
    @Column(name = "name_search", insertable = false, updatable = false)
    String nameSearch;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_identifier", joinColumns = @JoinColumn(name = "person_id"))
    public Set<PersonIdentifier> identifiers = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The creation key of the bulk that registered the person with an Idempotency-Key, and its row; else null. */
    @Column(name = "creation_key", updatable = false)
    public UUID creationKey;

    @Column(name = "creation_row", updatable = false)
    public Integer creationRow;

    public static Person register(PersonDetails details) {
        var person = new Person();
        person.id = UUID.randomUUID();
        person.apply(details);
        return person;
    }

    /**
     * Replaces the person's details; returns the names of the fields whose value changed (as PersonDetails names
     * them, e.g. "email", "chineseName"), for the audit of changes to personal data.
     */
    public List<String> change(PersonDetails details) {
        Map<String, Object> before = auditedFields();
        apply(details);
        Map<String, Object> after = auditedFields();
        return before.keySet().stream().filter(field -> !Objects.equals(before.get(field), after.get(field))).toList();
    }

    /** The person's data by the field names of PersonDetails, in their order. */
    private Map<String, Object> auditedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("institution", institution);
        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("chineseName", Arrays.asList(givenNameHanzi, familyNameHanzi, givenNamePinyin, familyNamePinyin));
        fields.put("dateOfBirth", dateOfBirth);
        fields.put("nationality", nationality);
        fields.put("email", email);
        fields.put("identifiers", new HashSet<>(identifiers));
        return fields;
    }

    private void apply(PersonDetails details) {
        checkIdentifiers(details.identifiers());
        kind = details.kind();
        institution = details.institution();
        // names in NFC and identifiers in their normal form, so that each is stored, found and compared in one form
        givenName = PersonNames.normalize(details.givenName());
        familyName = PersonNames.normalize(details.familyName());
        var chinese = details.chineseName();
        givenNameHanzi = chinese == null ? null : PersonNames.normalize(chinese.given());
        familyNameHanzi = chinese == null ? null : PersonNames.normalize(chinese.family());
        givenNamePinyin = chinese == null ? null : PersonNames.normalize(chinese.givenPinyin());
        familyNamePinyin = chinese == null ? null : PersonNames.normalize(chinese.familyPinyin());
        dateOfBirth = details.dateOfBirth();
        nationality = details.nationality();
        email = Identifiers.email(details.email());
        // the set keeps equal identifiers once: change only what differs, so unchanged rows stay in place
        identifiers.retainAll(details.identifiers());
        identifiers.addAll(details.identifiers());
    }

    /**
     * Each identifier has its scheme's format; only a passport names its issuing country, and it must; one value
     * per scheme except passports (a person may hold several).
     */
    static void checkIdentifiers(List<PersonIdentifier> identifiers) {
        var problems = new InvalidFieldsException.Collector();
        Set<IdentifierScheme> schemes = new HashSet<>();
        Set<PersonIdentifier> seen = new HashSet<>();
        for (int i = 0; i < identifiers.size(); i++) {
            var identifier = identifiers.get(i);
            String at = "identifiers[" + i + "].";
            IdentifierScheme scheme = identifier.scheme;
            boolean repeated = !seen.add(identifier);
            problems.check(scheme.accepts(identifier.value), at + "value", scheme.formatReason())
                    .check(scheme.hasIssuingCountry() == (identifier.issuingCountry != null), at + "issuingCountry",
                            scheme.hasIssuingCountry() ? "identifier.country-needed" : "identifier.country-only-passport")
                    .check(!repeated, at + "value", "identifier.twice")
                    .check(repeated || scheme == IdentifierScheme.PASSPORT || schemes.add(scheme), at + "scheme",
                            "identifier.one-per-scheme", scheme);
        }
        problems.throwIfAny();
    }

    /** The identifiers in a stable order, for answers and events. */
    public List<PersonIdentifier> sortedIdentifiers() {
        return identifiers.stream()
                .sorted(java.util.Comparator.comparing((PersonIdentifier i) -> i.scheme).thenComparing(PersonIdentifier::matchKey))
                .toList();
    }
}
