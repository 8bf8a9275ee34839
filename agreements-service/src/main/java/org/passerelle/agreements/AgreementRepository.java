package org.passerelle.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.text.SearchText;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /**
     * Filters people search agreements by; any of them may be absent. {@code visibleTo} is the caller's
     * institution (null for the international office, which sees all): only agreements it is party to are listed.
     */
    public record Filter(String visibleTo, AgreementStatus status, AgreementKind kind, String party, String academicYear,
                         MobilityType mobilityType, String text) {
    }

    /**
     * Agreements matching the filter, newest first, ties broken by id so pages are stable. An academic year
     * matches the agreements that cover it (the fixed format 2025/2026 compares as text); a text, those whose
     * title contains it in any of the three languages, whatever the accents and case.
     */
    public Page<Agreement> list(Filter filter, PageRequest request) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.status() != null) {
            where.add("a.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("a.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.visibleTo() != null) {
            where.add("exists (select 1 from Agreement b join b.parties p where b = a and p.institution = :visibleTo)");
            parameters.put("visibleTo", filter.visibleTo());
        }
        if (filter.party() != null) {
            where.add("exists (select 1 from Agreement b join b.parties p where b = a and p.institution = :party)");
            parameters.put("party", filter.party());
        }
        if (filter.mobilityType() != null) {
            where.add("exists (select 1 from Agreement b join b.conditions c where b = a and c.mobilityType = :type)");
            parameters.put("type", filter.mobilityType());
        }
        if (filter.text() != null && !SearchText.normalize(filter.text()).isEmpty()) {
            where.add("a.searchText like :text");
            parameters.put("text", SearchText.containsPattern(filter.text()));
        }
        if (filter.academicYear() != null) {
            where.add("a.firstAcademicYear <= :year and a.lastAcademicYear >= :year");
            parameters.put("year", filter.academicYear());
        }
        var query = find("from Agreement a" + where + " order by a.createdAt desc, a.id", parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }
}
