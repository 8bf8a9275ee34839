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
import org.passerelle.identity.events.PersonChanged;
import org.passerelle.identity.events.PersonErased;
import org.passerelle.identity.events.PersonEvent;
import org.passerelle.identity.events.PersonRegistered;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A student or a member of staff of one institution, with names in Latin script and, when they have one, in
 * Chinese characters with pinyin. Each identifier names one person only.
 *
 * <p>An aggregate of identity-service: its registration, changes and erasure go through its methods, which enforce
 * its rules and return the events they cause, with its identifiers as fingerprints only (docs/adr/0008); PersonService
 * and ErasureService load, call, save and hand the events to DomainEvents. That an identifier is nobody else's is
 * checked by PersonService, against the other people.
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

    /** A new person and the event that announces them. */
    public record Registered(Person person, List<PersonEvent> events) {
    }

    public static Registered register(PersonDetails details, Fingerprints fingerprints, Instant at) {
        var person = new Person();
        person.id = UUID.randomUUID();
        person.apply(details);
        return new Registered(person, List.of(PersonRegistered.of(person, person.identifierFingerprints(fingerprints), at)));
    }

    /** A change: the events it causes, and the names of the fields whose value changed, for the audit of changes. */
    public record Changed(List<PersonEvent> events, List<String> fields) {
    }

    /**
     * The whole of the person's details as they are now; PersonChanged carries the identifiers as they are now. The
     * fields are named as PersonDetails names them (e.g. "email", "chineseName"); their values are never kept.
     */
    public Changed change(PersonDetails details, Fingerprints fingerprints, Instant at) {
        Map<String, Object> before = auditedFields();
        apply(details);
        Map<String, Object> after = auditedFields();
        var fields = before.keySet().stream().filter(field -> !Objects.equals(before.get(field), after.get(field))).toList();
        return new Changed(List.of(PersonChanged.of(this, identifierFingerprints(fingerprints), at)), fields);
    }

    /**
     * What erasing the person tells the other services: the fingerprints of their email, identifiers and account
     * ({@code account}: the subject of their tokens, null without one), by which each finds its rows. The caller
     * deletes the person.
     */
    public List<PersonEvent> erase(Fingerprints fingerprints, String account, Instant at) {
        return List.of(new PersonErased(id, fingerprints(fingerprints, account), at));
    }

    /** The person's fingerprints, as PersonErased carries them and the export asks the other services by. */
    public List<String> fingerprints(Fingerprints fingerprints, String account) {
        List<String> prints = new ArrayList<>();
        prints.add(fingerprints.of(Fingerprints.EMAIL, email));
        prints.addAll(identifierFingerprints(fingerprints));
        prints.add(fingerprints.of(Fingerprints.ACCOUNT, account));
        return prints.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** The identifiers as the events carry them: fingerprints, in the order of {@link #sortedIdentifiers()}. */
    private List<String> identifierFingerprints(Fingerprints fingerprints) {
        return sortedIdentifiers().stream().map(i -> fingerprints.of(i.scheme.name(), i.matchKey())).toList();
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
                .sorted(Comparator.comparing((PersonIdentifier i) -> i.scheme).thenComparing(PersonIdentifier::matchKey))
                .toList();
    }
}
