package org.passerelle.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** Filters people search agreements by; any of them may be absent. */
    public record Filter(AgreementStatus status, AgreementKind kind, String party, String academicYear) {
    }

    /**
     * Agreements matching the filter, newest first, ties broken by id so pages are stable. An academic year
     * matches the agreements that cover it (the fixed format 2025/2026 compares as text).
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
        if (filter.party() != null) {
            where.add("exists (select 1 from Agreement b join b.parties p where b = a and p.institution = :party)");
            parameters.put("party", filter.party());
        }
        if (filter.academicYear() != null) {
            where.add("a.firstAcademicYear <= :year and a.lastAcademicYear >= :year");
            parameters.put("year", filter.academicYear());
        }
        var query = find("from Agreement a" + where + " order by a.createdAt desc, a.id", parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }
}
