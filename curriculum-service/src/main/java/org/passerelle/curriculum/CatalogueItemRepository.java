package org.passerelle.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.text.SearchText;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class CatalogueItemRepository implements PanacheRepositoryBase<CatalogueItem, UUID> {

    /**
     * What the catalogue is searched by; any may be absent. The session criteria (academic year, period, free
     * seats) hold together for one session of the item.
     */
    public record Search(CatalogueItemStatus status, CatalogueItemKind kind, String teachingLanguage, String specialty,
                         String hospital, String text, String academicYear, LocalDate from, LocalDate to,
                         Integer freeSeats, String offeredBy) {

        boolean concernsSessions() {
            return academicYear != null || from != null || to != null || freeSeats != null;
        }
    }

    /** Items matching the search, by English title then id so that pages are stable. */
    public Page<CatalogueItem> search(Search search, PageRequest request) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        Map<String, Object> parameters = new HashMap<>();
        where.add("i.status = :status");
        parameters.put("status", search.status() == null ? CatalogueItemStatus.PUBLISHED : search.status());
        if (search.kind() != null) {
            where.add("i.kind = :kind");
            parameters.put("kind", search.kind());
        }
        if (search.teachingLanguage() != null) {
            where.add("i.teachingLanguage = :language");
            parameters.put("language", search.teachingLanguage());
        }
        if (search.specialty() != null) {
            where.add("lower(i.specialty) = lower(:specialty)");
            parameters.put("specialty", search.specialty().strip());
        }
        if (search.hospital() != null) {
            where.add("lower(i.hospital) = lower(:hospital)");
            parameters.put("hospital", search.hospital().strip());
        }
        if (search.offeredBy() != null) {
            where.add("i.offeredBy = :offeredBy");
            parameters.put("offeredBy", search.offeredBy().strip());
        }
        if (search.text() != null && !SearchText.normalize(search.text()).isEmpty()) {
            where.add("i.searchText like :text");
            parameters.put("text", SearchText.containsPattern(search.text()));
        }
        if (search.concernsSessions()) {
            where.add("exists (select 1 from Session s where s.itemId = i.id and s.status <> :withdrawn"
                    + sessionCriteria(search, parameters) + ")");
            parameters.put("withdrawn", SessionStatus.WITHDRAWN);
        }
        var query = find("from CatalogueItem i" + where + " order by i.title.en, i.id", parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    private static String sessionCriteria(Search search, Map<String, Object> parameters) {
        var criteria = new StringBuilder();
        if (search.academicYear() != null) {
            criteria.append(" and s.academicYear = :year");
            parameters.put("year", search.academicYear());
        }
        // periods overlap when each starts before the other ends
        if (search.from() != null) {
            criteria.append(" and s.endDate >= :from");
            parameters.put("from", search.from());
        }
        if (search.to() != null) {
            criteria.append(" and s.startDate <= :to");
            parameters.put("to", search.to());
        }
        if (search.freeSeats() != null) {
            criteria.append(" and s.status = :open and s.capacity - s.held >= :free");
            parameters.put("open", SessionStatus.OPEN);
            parameters.put("free", search.freeSeats());
        }
        return criteria.toString();
    }

    /** What a bulk sent under this creation key created, by row. */
    public java.util.Map<Integer, UUID> createdUnder(UUID creationKey) {
        return find("creationKey", creationKey).stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.creationRow, e -> e.id));
    }
}
