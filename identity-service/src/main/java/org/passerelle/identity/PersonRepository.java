package org.passerelle.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.text.PersonNames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /**
     * What people are looked up by. {@code institution} limits the reach (a coordinator's own institution; null
     * for the international office); {@code identifier} matches the value of any identifier, of any scheme unless
     * {@code scheme} is given, in its normal form (see IdentifierScheme.normalize); each word of {@code name} is
     * found in the person's names (Latin, Chinese characters or pinyin), whatever its accents and case.
     */
    public record Filter(String institution, String identifier, IdentifierScheme scheme, PersonKind kind, String name) {
    }

    /** Matching people ordered by family name, given name, then id so that pages are stable. */
    public Page<Person> list(Filter filter, PageRequest request) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.institution() != null) {
            where.add("p.institution = :institution");
            parameters.put("institution", filter.institution());
        }
        if (filter.kind() != null) {
            where.add("p.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.identifier() != null) {
            // the value as each scheme stores it: "123456789ab" finds INE 123456789AB
            var schemes = filter.scheme() == null ? List.of(IdentifierScheme.values()) : List.of(filter.scheme());
            Set<String> values = schemes.stream().map(s -> s.normalize(filter.identifier()))
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            where.add("exists (select 1 from Person q join q.identifiers i where q = p and i.value in :identifiers"
                    + (filter.scheme() == null ? "" : " and i.scheme = :scheme") + ")");
            parameters.put("identifiers", values.isEmpty() ? Set.of("") : values);
            if (filter.scheme() != null) {
                parameters.put("scheme", filter.scheme());
            }
        }
        List<String> words = PersonNames.searchWords(filter.name());
        for (int i = 0; i < words.size(); i++) {
            // name_search and search_form: see V8__name_search.sql
            where.add("p.nameSearch like cast(function('search_pattern', :word" + i + ") as String)");
            parameters.put("word" + i, words.get(i));
        }
        var query = find("from Person p" + where + " order by p.familyName, p.givenName, p.id", parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    /** Who else holds this identifier, if anyone. */
    public Optional<Person> holderOf(PersonIdentifier identifier) {
        String select = "select p from Person p join p.identifiers i where i.scheme = ?1 and i.value = ?2 and ";
        return identifier.issuingCountry == null
                ? find(select + "i.issuingCountry is null", identifier.scheme, identifier.value).firstResultOptional()
                : find(select + "i.issuingCountry = ?3", identifier.scheme, identifier.value, identifier.issuingCountry)
                        .firstResultOptional();
    }

    /** The people a bulk sent under this creation key registered, by row. */
    public Map<Integer, UUID> createdUnder(UUID creationKey) {
        return find("creationKey", creationKey).stream().collect(Collectors.toMap(p -> p.creationRow, p -> p.id));
    }
}
