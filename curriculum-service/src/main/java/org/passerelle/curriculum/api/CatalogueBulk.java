package org.passerelle.curriculum.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemRepository;
import org.passerelle.curriculum.CatalogueItemStatus;
import org.passerelle.curriculum.CatalogueService;
import org.passerelle.curriculum.Session;
import org.passerelle.curriculum.SessionRepository;
import org.passerelle.curriculum.SessionStatus;
import org.passerelle.curriculum.credits.CreditConversions;
import org.passerelle.runtime.bulk.BulkImport;
import org.passerelle.runtime.csv.CsvReader;
import org.passerelle.runtime.csv.CsvRow;
import org.passerelle.runtime.security.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Catalogue items and sessions in bulk. A row that names one that exists is MATCHED and changes nothing: an item by
 * its id, or by its kind and code while it is offered; a session by its id, or by its item, academic year and dates
 * while it is not withdrawn. So a catalogue sent again, or exported and sent back, creates nothing twice.
 */
@ApplicationScoped
public class CatalogueBulk {

    /** A session row: the session and the item it belongs to. */
    public record SessionRow(@jakarta.validation.constraints.NotNull UUID itemId,
                             @jakarta.validation.Valid @jakarta.validation.constraints.NotNull ItemRequests.SessionDraft session) {
    }

    /** Who offers an item published without offeredBy. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "passerelle.home-institution", defaultValue = "sjtu.edu.cn")
    String homeInstitution;

    @Inject
    BulkImport bulk;

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueItemRepository items;

    @Inject
    SessionRepository sessions;

    @Inject
    CreditConversions conversions;

    public BulkImport.Result publish(List<ItemRequests.ItemDraft> rows, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        return publishRows(suppliers(rows), Map.of(), creationKey, headers, uri);
    }

    public BulkImport.Result publishCsv(byte[] csv, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        Map<Integer, UUID> ids = new HashMap<>();
        return publishRows(csvRows(csv, CatalogueCsv.ITEM_COLUMNS, CatalogueCsv::item, ids, headers), ids, creationKey, headers, uri);
    }

    private BulkImport.Result publishRows(List<Supplier<ItemRequests.ItemDraft>> rows, Map<Integer, UUID> ids, UUID creationKey,
                                          HttpHeaders headers, UriInfo uri) {
        return bulk.run(rows, done(creationKey, items::createdUnder), (draft, row) -> {
            Optional<CatalogueItem> existing = Optional.ofNullable(ids.get(row)).flatMap(items::findByIdOptional)
                    .or(() -> offeredWithCode(draft));
            if (existing.isPresent()) {
                return new BulkImport.Done(BulkImport.Outcome.MATCHED, existing.get().id);
            }
            var c = draft.credits();
            var credits = c == null ? null : conversions.credits(c.chineseCredits(), c.ects(), c.conversionRuleId());
            return new BulkImport.Done(BulkImport.Outcome.CREATED, catalogue.publish(draft.details(credits, homeInstitution), creationKey, row).id);
        }, headers, uri);
    }

    private Optional<CatalogueItem> offeredWithCode(ItemRequests.ItemDraft draft) {
        return draft.code() == null ? Optional.empty()
                : items.find("kind = ?1 and code = ?2 and status <> ?3", draft.kind(), draft.code().strip(),
                CatalogueItemStatus.WITHDRAWN).firstResultOptional();
    }

    public BulkImport.Result plan(List<SessionRow> rows, Caller caller, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        return planRows(suppliers(rows), Map.of(), caller, creationKey, headers, uri);
    }

    public BulkImport.Result planCsv(byte[] csv, Caller caller, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        Map<Integer, UUID> ids = new HashMap<>();
        return planRows(csvRows(csv, CatalogueCsv.SESSION_COLUMNS, row -> {
            var itemId = row.uuid("itemId");
            return new SessionRow(itemId, CatalogueCsv.session(row));
        }, ids, headers), ids, caller, creationKey, headers, uri);
    }

    private BulkImport.Result planRows(List<Supplier<SessionRow>> rows, Map<Integer, UUID> ids, Caller caller, UUID creationKey,
                                       HttpHeaders headers, UriInfo uri) {
        return bulk.run(rows, done(creationKey, sessions::createdUnder), (request, row) -> {
            var s = request.session();
            Optional<Session> existing = Optional.ofNullable(ids.get(row)).flatMap(sessions::findByIdOptional)
                    .or(() -> sessions.find("itemId = ?1 and academicYear = ?2 and startDate = ?3 and endDate = ?4 and status <> ?5",
                            request.itemId(), s.academicYear(), s.startDate(), s.endDate(), SessionStatus.WITHDRAWN).firstResultOptional());
            if (existing.isPresent()) {
                return new BulkImport.Done(BulkImport.Outcome.MATCHED, existing.get().id);
            }
            var session = catalogue.plan(request.itemId(), caller, s.academicYear(), s.startDate(), s.endDate(), s.capacity(),
                    creationKey, row);
            return new BulkImport.Done(BulkImport.Outcome.CREATED, session.id);
        }, headers, uri);
    }

    private static Map<Integer, UUID> done(UUID creationKey, Function<UUID, Map<Integer, UUID>> createdUnder) {
        return creationKey == null ? Map.of() : QuarkusTransaction.requiringNew().call(() -> createdUnder.apply(creationKey));
    }

    private static <T> List<Supplier<T>> suppliers(List<T> rows) {
        return rows.stream().map(r -> (Supplier<T>) () -> r).toList();
    }

    /** The rows of a CSV as parsers, each noting the id it names, if any, under its row number. */
    private static <T> List<Supplier<T>> csvRows(byte[] csv, org.passerelle.runtime.csv.CsvColumns columns, Function<CsvRow, T> reader,
                                                 Map<Integer, UUID> ids, HttpHeaders headers) {
        List<CsvRow> rows = CsvReader.read(csv, headers, columns).rows();
        return IntStream.range(0, rows.size()).mapToObj(i -> (Supplier<T>) () -> {
            UUID id = rows.get(i).uuid("id");
            T request = reader.apply(rows.get(i));
            if (id != null) {
                ids.put(i + 1, id);
            }
            return request;
        }).toList();
    }
}
