package org.passerelle.identity.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.passerelle.identity.PersonRepository;
import org.passerelle.identity.PersonService;
import org.passerelle.runtime.bulk.BulkImport;
import org.passerelle.runtime.csv.CsvReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * People registered in bulk, or matched with those already registered: a row whose INE, SJTU student number or any
 * other identifier is held by a person is that person (MATCHED, nothing changed), also when an earlier row of the same
 * file registered them; so no identifier ever gets a second person. A row without any identifier matches the person of
 * its institution with its email. A CSV row may also name the person by id, as the export writes it.
 */
@ApplicationScoped
public class PeopleBulk {

    @Inject
    BulkImport bulk;

    @Inject
    PersonService service;

    @Inject
    PersonRepository people;

    public BulkImport.Result register(List<PersonRequest> rows, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        return run(rows.stream().map(r -> (Supplier<PersonRequest>) () -> r).toList(), Map.of(), creationKey, headers, uri);
    }

    public BulkImport.Result registerCsv(byte[] csv, UUID creationKey, HttpHeaders headers, UriInfo uri) {
        var table = CsvReader.read(csv, headers, PeopleCsv.COLUMNS);
        Map<Integer, UUID> ids = new HashMap<>();
        var rows = table.rows();
        return run(java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> (Supplier<PersonRequest>) () -> {
            var id = rows.get(i).uuid("id");
            var request = PeopleCsv.request(rows.get(i));
            if (id != null) {
                ids.put(i + 1, id);
            }
            return request;
        }).toList(), ids, creationKey, headers, uri);
    }

    private BulkImport.Result run(List<Supplier<PersonRequest>> rows, Map<Integer, UUID> ids, UUID creationKey,
                                  HttpHeaders headers, UriInfo uri) {
        Map<Integer, UUID> done = creationKey == null ? Map.of()
                : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> people.createdUnder(creationKey));
        return bulk.run(rows, done, (request, row) -> {
            var details = request.details();
            var named = ids.containsKey(row) ? people.findByIdOptional(ids.get(row)) : java.util.Optional.<org.passerelle.identity.Person>empty();
            var existing = named.isPresent() ? named : service.holderOfAny(details.identifiers());
            if (existing.isEmpty() && details.identifiers().isEmpty()) {
                // without an identifier (staff, often), the same email at the same institution is the same person
                existing = people.find("email = ?1 and institution = ?2",
                        org.passerelle.runtime.text.Identifiers.email(details.email()), details.institution()).firstResultOptional();
            }
            if (existing.isPresent()) {
                return new BulkImport.Done(BulkImport.Outcome.MATCHED, existing.get().id);
            }
            return new BulkImport.Done(BulkImport.Outcome.CREATED, service.register(details, creationKey, row).id);
        }, headers, uri);
    }
}
