package org.passerelle.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@ApplicationScoped
public class CatalogueItemRepository implements PanacheRepositoryBase<CatalogueItem, UUID> {

    /** Items of a kind (or all), by English title then id so that pages are stable. */
    public Page<CatalogueItem> list(CatalogueItemKind kind, PageRequest request) {
        var sort = Sort.by("title.en").and("id");
        var query = kind == null ? findAll(sort) : find("kind = :kind", sort, Parameters.with("kind", kind));
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }
}
