package org.passerelle.identity.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.passerelle.identity.Person;
import org.passerelle.identity.PersonService;
import org.passerelle.identity.accounts.Account;
import org.passerelle.identity.accounts.AccountRepository;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything Passerelle holds about a person, in one document: identity-service's own data, then each other
 * service's part, asked with the caller's token. Mobilities first, since curriculum-service knows a person's seats
 * by the mobility that holds them. Complete or not at all.
 */
@ApplicationScoped
public class PersonalDataExport {

    @Inject
    PersonService people;

    @Inject
    AccountRepository accounts;

    @Inject
    ErasureService erasures;

    @Inject
    ServiceParts parts;

    @Inject
    ObjectMapper json;

    /** What identity-service holds, as the export shows it. */
    public record Held(Person person, Optional<Account> account, List<String> fingerprints) {
    }

    /**
     * The export; {@code subject} is the caller's account when the caller is the person themselves (a student), null
     * for the international office. Anyone else's person is not found for a student.
     */
    public ObjectNode export(UUID personId, String subject, String bearer, java.util.function.Function<Person, Object> view) {
        Held held = QuarkusTransaction.requiringNew().call(() -> {
            Person person = people.find(personId, null);
            Optional<Account> account = accounts.find("personId", personId).firstResultOptional();
            if (subject != null && account.map(a -> !a.keycloakUserId.equals(subject)).orElse(true)) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            return new Held(person, account, erasures.fingerprintsOf(person, account));
        });
        var document = json.createObjectNode();
        document.put("personId", personId.toString());
        document.put("exportedAt", Instant.now().toString());
        ObjectNode identity = document.putObject("identity-service");
        identity.set("person", json.valueToTree(view.apply(held.person())));
        held.account().ifPresent(a -> identity.putObject("account").put("username", a.username).put("role", a.role.name())
                .put("institution", a.institution).put("status", a.status.name()).put("createdAt", String.valueOf(a.createdAt)));
        var asked = Map.of("personId", List.of(personId.toString()), "fingerprint", held.fingerprints());
        JsonNode mobility = parts.of("mobility-service", "/api/mobilities/personal-data", asked, bearer);
        List<String> mobilityIds = new ArrayList<>();
        mobility.path("mobilities").forEach(m -> mobilityIds.add(m.path("id").asText()));
        var withMobilities = new java.util.HashMap<>(asked);
        withMobilities.put("mobilityId", mobilityIds);
        document.set("mobility-service", mobility);
        document.set("curriculum-service", parts.of("curriculum-service", "/api/catalogue/personal-data", withMobilities, bearer));
        // agreements-service keeps no person id, only the requests an account sent: it takes the fingerprints alone
        document.set("agreements-service", parts.of("agreements-service", "/api/agreements/personal-data",
                Map.of("fingerprint", held.fingerprints()), bearer));
        return document;
    }
}
