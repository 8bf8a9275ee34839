package org.passerelle.mobility;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class MobilityRepository implements PanacheRepositoryBase<Mobility, UUID> {

    /**
     * Mobilities matching the filters that are given, newest first, ties broken by id so pages are stable.
     * Staff see those their institution ({@code visibleTo}) sends or receives, a student those of their email,
     * the international office all (both null). Each word of {@code name} is found in the student's names, whatever
     * its accents and case (see V5__name_search.sql).
     */
    public Page<Mobility> list(String visibleTo, String studentEmail, MobilityStatus status, String academicYear,
                               UUID batchId, String name, PageRequest request) {
        var where = new StringJoiner(" and ");
        Map<String, Object> parameters = new HashMap<>();
        if (studentEmail != null) {
            where.add("email = :email");
            parameters.put("email", Identifiers.email(studentEmail));
        } else if (visibleTo != null) {
            where.add("(sendingInstitution = :me or receivingInstitution = :me)");
            parameters.put("me", visibleTo);
        }
        if (batchId != null) {
            where.add("batchId = :batch");
            parameters.put("batch", batchId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.put("status", status);
        }
        if (academicYear != null) {
            where.add("academicYear = :year");
            parameters.put("year", academicYear);
        }
        List<String> words = PersonNames.searchWords(name);
        for (int i = 0; i < words.size(); i++) {
            where.add("nameSearch like cast(function('search_pattern', :word" + i + ") as String)");
            parameters.put("word" + i, words.get(i));
        }
        var sort = Sort.descending("createdAt").and("id");
        var query = parameters.isEmpty() ? findAll(sort) : find(where.toString(), sort, parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    /** The mobilities the rows of a bulk nomination sent with this creation key created, by row number. */
    public Map<Integer, Mobility> createdUnder(UUID creationKey) {
        Map<Integer, Mobility> byRow = new HashMap<>();
        for (Mobility mobility : list("creationKey", creationKey)) {
            byRow.put(mobility.creationRow, mobility);
        }
        return byRow;
    }
}
