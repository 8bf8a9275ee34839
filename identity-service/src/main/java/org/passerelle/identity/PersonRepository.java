package org.passerelle.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /**
     * What people are looked up by. {@code institution} limits the reach (a coordinator's own institution; null
     * for the international office); {@code identifier} matches the value of any identifier, of any scheme unless
     * {@code scheme} is given.
     */
    public record Filter(String institution, String identifier, IdentifierScheme scheme, PersonKind kind) {
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
            where.add("exists (select 1 from Person q join q.identifiers i where q = p and i.value = :identifier"
                    + (filter.scheme() == null ? "" : " and i.scheme = :scheme") + ")");
            parameters.put("identifier", filter.identifier().strip());
            if (filter.scheme() != null) {
                parameters.put("scheme", filter.scheme());
            }
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
}
