package org.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.passerelle.devstack.demo.Api;
import org.passerelle.e2e.PublishedEvents.Event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each service's state, as its REST API answers the international office, compared with the events on the
 * topics: what a consumer that lost an event, or applied one twice, or a producer that said something twice
 * would show. Each method answers the differences, one line per object, naming it and saying how it differs.
 */
final class StateAgainstEvents {

    static final String AGREEMENTS = "agreements.agreement.events";
    static final String MOBILITIES = "mobility.mobility.events";
    static final String INSTITUTIONS = "identity.institution.events";
    static final String CATALOGUE = "curriculum.catalogue.events";
    static final String SEATS = "curriculum.seats.events";

    /** What each service's consumers read: consumer group, topics; read from the services' application.properties. */
    static final Map<String, List<String>> SUBSCRIPTIONS = subscriptions();

    private static Map<String, List<String>> subscriptions() {
        var subscriptions = new java.util.TreeMap<String, List<String>>();
        for (String service : List.of("agreements-service", "curriculum-service", "identity-service", "mobility-service")) {
            var properties = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(
                    Platform.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    String channel = key.substring(0, key.length() - ".topic".length());
                    String group = properties.getProperty(channel + ".group.id", service);
                    subscriptions.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(properties.getProperty(key));
                }
            }
        }
        return subscriptions;
    }

    /** The mobility lifecycle events and the status each leaves a mobility in. */
    private static final Map<String, String> STATUS_AFTER = Map.of(
            "MobilityNominated", "NOMINATED", "MobilityAccepted", "ACCEPTED", "MobilityRejected", "REJECTED",
            "MobilityCancelled", "CANCELLED", "MobilitySeatRefused", "SEAT_REFUSED", "MobilityStarted", "IN_PROGRESS", "MobilityCompleted", "COMPLETED");

    private final Api api;
    private final Function<String, String> url;
    private final String token;
    private final PublishedEvents events;

    /** {@code url} gives a service's base URL by name; {@code token} is the international office's. */
    StateAgainstEvents(Api api, Function<String, String> url, String token, PublishedEvents events) {
        this.api = api;
        this.url = url;
        this.token = token;
        this.events = events;
    }

    // ---- mobility-service ------------------------------------------------------------------------------------

    /**
     * Each nomination of the story has one MobilityNominated; mobility-service lists exactly the mobilities of
     * the events, each in the status of its last lifecycle event, with the seat answers of curriculum's events;
     * each of them is one the story nominated or one that was there before the story began ({@code earlier}: the
     * platform is shared with other tests).
     */
    List<String> mobilities(Collection<String> nominatedByTheStory, Collection<String> earlier) {
        var differences = new ArrayList<String>();
        var byMobility = events.byAggregate(MOBILITIES, "mobilityId");
        for (String id : nominatedByTheStory) {
            long nominated = count(byMobility.getOrDefault(id, List.of()), "MobilityNominated");
            if (nominated != 1) {
                differences.add("mobility " + id + " nominated by the story: " + nominated + " MobilityNominated, expected 1");
            }
        }
        var listed = byId(all(url.apply("mobility-service") + "/api/mobilities"));
        byMobility.forEach((id, lifecycle) -> {
            if (!listed.containsKey(id)) {
                differences.add("mobility " + id + ": events " + names(lifecycle) + " but mobility-service does not list it");
            }
        });
        listed.forEach((id, mobility) -> {
            if (!byMobility.containsKey(id)) {
                differences.add("mobility " + id + " (" + mobility.path("status").asText() + ") listed by mobility-service without any event");
            } else if (!nominatedByTheStory.contains(id) && !earlier.contains(id)) {
                differences.add("mobility " + id + " is not one the story nominated");
            }
        });
        var seatAnswers = events.byAggregate(SEATS, "mobilityId");
        byMobility.forEach((id, lifecycle) -> {
            JsonNode mobility = listed.get(id);
            if (mobility != null) {
                compareMobility(id, mobility, lifecycle, seatAnswers.getOrDefault(id, List.of()), differences);
            }
        });
        return differences;
    }

    private static void compareMobility(String id, JsonNode mobility, List<Event> lifecycle, List<Event> seatAnswers,
                                        List<String> differences) {
        for (String name : STATUS_AFTER.keySet()) {
            if (count(lifecycle, name) > 1) {
                differences.add("mobility " + id + ": " + count(lifecycle, name) + " " + name + " under different ids " + names(lifecycle));
            }
        }
        Optional<Event> last = lifecycle.stream().filter(e -> STATUS_AFTER.containsKey(e.name())).reduce((a, b) -> b);
        String expected = last.map(e -> STATUS_AFTER.get(e.name())).orElse(null);
        if (!Objects.equals(expected, mobility.path("status").asText())) {
            differences.add("mobility " + id + ": mobility-service says " + mobility.path("status").asText() + ", its last event "
                    + last.map(Event::name).orElse("(none)") + " says " + expected);
        }
        Optional<Event> nomination = lifecycle.stream().filter(e -> e.name().equals("MobilityNominated")).findFirst();
        if (nomination.isEmpty()) {
            return;
        }
        for (String field : List.of("agreementId", "conditionId", "academicYear", "mobilityType", "sendingInstitution", "receivingInstitution")) {
            if (!Objects.equals(nomination.get().text(field), mobility.path(field).asText(null))) {
                differences.add("mobility " + id + ": " + field + " " + mobility.path(field).asText(null) + " in mobility-service, "
                        + nomination.get().text(field) + " in MobilityNominated");
            }
        }
        var expectedSeats = new TreeMap<String, String>();
        nomination.get().data().path("requestedSessions").forEach(s -> expectedSeats.put(s.asText(), "REQUESTED"));
        for (Event answer : seatAnswers) {
            switch (answer.name()) {
                case "SeatsHeld" -> answer.data().path("sessions").forEach(s -> expectedSeats.put(s.asText(), "HELD"));
                case "SeatsRefused" -> answer.data().path("refusals").forEach(r ->
                        expectedSeats.put(r.path("sessionId").asText(), "REFUSED " + r.path("reason").asText()));
                case "SeatsReleased" -> answer.data().path("sessions").forEach(s ->
                        expectedSeats.put(s.asText(), "RELEASED " + answer.text("reason")));
                default -> {
                }
            }
        }
        var seats = new TreeMap<String, String>();
        mobility.path("sessions").forEach(s -> seats.put(s.path("sessionId").asText(),
                s.path("seat").asText() + (s.path("reason").isNull() || s.path("reason").isMissingNode() ? "" : " " + s.path("reason").asText())));
        if (!seats.equals(expectedSeats)) {
            differences.add("mobility " + id + ": seats " + seats + " in mobility-service, " + expectedSeats + " from the seat events");
        }
    }

    // ---- curriculum-service ----------------------------------------------------------------------------------

    /**
     * Each requested session of each nomination answered once; each opened session holds exactly the mobilities
     * of SeatsHeld less those of SeatsReleased, in its count and in its list of holders.
     */
    List<String> seats() {
        var differences = new ArrayList<String>();
        var holders = new TreeMap<String, Set<String>>();
        events.named(CATALOGUE, List.of("SessionOpened")).forEach(e -> holders.put(e.text("sessionId"), new TreeSet<>()));
        var answers = new TreeMap<String, Integer>();
        for (Event event : events.named(SEATS, List.of("SeatsHeld", "SeatsRefused", "SeatsReleased"))) {
            String mobility = event.text("mobilityId");
            switch (event.name()) {
                case "SeatsHeld" -> event.data().path("sessions").forEach(s -> {
                    answers.merge(mobility + " in session " + s.asText(), 1, Integer::sum);
                    if (!holders.containsKey(s.asText())) {
                        differences.add("mobility " + mobility + " holds a seat in session " + s.asText() + ", which was never opened");
                    }
                    holders.computeIfAbsent(s.asText(), k -> new TreeSet<>()).add(mobility);
                });
                case "SeatsRefused" -> event.data().path("refusals").forEach(r -> answers.merge(mobility + " in session "
                        + r.path("sessionId").asText(), 1, Integer::sum));
                default -> event.data().path("sessions").forEach(s -> holders.computeIfAbsent(s.asText(), k -> new TreeSet<>()).remove(mobility));
            }
        }
        for (Event nominated : events.named(MOBILITIES, List.of("MobilityNominated"))) {
            nominated.data().path("requestedSessions").forEach(s -> {
                String key = nominated.text("mobilityId") + " in session " + s.asText();
                int times = answers.getOrDefault(key, 0);
                if (times != 1) {
                    differences.add("seat request of mobility " + key + " answered " + times + " times by curriculum-service, expected once");
                }
            });
        }
        holders.forEach((session, expected) -> {
            var state = api.get(url.apply("curriculum-service") + "/api/catalogue/sessions/" + session, token).expect(200).json();
            if (state.path("held").asInt() != expected.size()) {
                differences.add("session " + session + ": " + state.path("held").asInt() + " seats held in curriculum-service, "
                        + expected.size() + " from SeatsHeld less SeatsReleased");
            }
            var listed = all(url.apply("curriculum-service") + "/api/catalogue/sessions/" + session + "/holders").stream()
                    .map(h -> h.path("mobilityId").asText()).collect(Collectors.toCollection(TreeSet::new));
            if (!listed.equals(expected)) {
                differences.add("session " + session + ": holders " + listed + " in curriculum-service, " + expected + " from the seat events");
            }
        });
        return differences;
    }

    // ---- agreements-service: target progress -----------------------------------------------------------------

    /** The target's progress, year by year, as its counting rule counts the mobilities of the events. */
    List<String> targetProgress(String target) {
        var differences = new ArrayList<String>();
        String base = url.apply("agreements-service") + "/api/targets/" + target;
        var definition = api.get(base, token).expect(200).json();
        Set<String> agreements = texts(definition.path("agreements"));
        Set<String> types = texts(definition.path("mobilityTypes"));
        String receiving = definition.path("receivingInstitution").asText();
        String first = definition.path("baselineYear").asText();
        String last = definition.path("targetYear").asText();
        var expected = new TreeMap<String, Map<String, Integer>>();
        events.byAggregate(MOBILITIES, "mobilityId").forEach((mobility, lifecycle) ->
                lifecycle.stream().filter(e -> STATUS_AFTER.containsKey(e.name())).reduce((a, b) -> b).ifPresent(e -> {
                    String year = e.text("academicYear");
                    if (agreements.contains(e.text("agreementId")) && receiving.equals(e.text("receivingInstitution"))
                            && types.contains(e.text("mobilityType")) && year.compareTo(first) >= 0 && year.compareTo(last) <= 0) {
                        var counts = expected.computeIfAbsent(year, y -> new TreeMap<>());
                        for (String column : columnsOf(STATUS_AFTER.get(e.name()))) {
                            counts.merge(column, 1, Integer::sum);
                        }
                    }
                }));
        var progress = api.get(base + "/progress", token).expect(200).json();
        var shown = new TreeSet<String>();
        progress.path("years").forEach(year -> {
            String academicYear = year.path("academicYear").asText();
            shown.add(academicYear);
            var counts = expected.getOrDefault(academicYear, Map.of());
            for (String column : List.of("counted", "pending", "inProgress", "completed", "notCounted")) {
                if (year.path(column).asInt() != counts.getOrDefault(column, 0)) {
                    differences.add("target " + target + ", " + academicYear + ": " + column + " " + year.path(column).asInt()
                            + " in agreements-service, " + counts.getOrDefault(column, 0) + " from the mobility events");
                }
            }
        });
        expected.keySet().stream().filter(y -> !shown.contains(y))
                .forEach(y -> differences.add("target " + target + ": no year " + y + " in its progress, mobilities " + expected.get(y)));
        return differences;
    }

    /** The columns of the progress a mobility in that status counts in (TargetProgress.COUNTING_RULE). */
    private static List<String> columnsOf(String status) {
        return switch (status) {
            case "NOMINATED" -> List.of("pending");
            case "ACCEPTED" -> List.of("counted");
            case "IN_PROGRESS" -> List.of("counted", "inProgress");
            case "COMPLETED" -> List.of("counted", "completed");
            default -> List.of("notCounted");
        };
    }

    // ---- agreements: the producer and mobility-service --------------------------------------------------------

    /**
     * Each agreement in agreements-service in the status, version and content of its last events, no step
     * published twice; mobility-service open for nominations on exactly the agreements the events left active.
     */
    List<String> agreements() {
        var differences = new ArrayList<String>();
        var byAgreement = events.byAggregate(AGREEMENTS, "agreementId");
        var listed = byId(all(url.apply("agreements-service") + "/api/agreements"));
        listed.forEach((id, summary) -> {
            if (!byAgreement.containsKey(id) && !"DRAFT".equals(summary.path("status").asText())) {
                differences.add("agreement " + id + " is " + summary.path("status").asText() + " in agreements-service without any event");
            }
        });
        var expectedOpen = new TreeMap<String, String>();
        byAgreement.forEach((id, history) -> {
            if (!listed.containsKey(id)) {
                differences.add("agreement " + id + ": events " + names(history) + " but agreements-service does not list it");
                return;
            }
            var agreement = api.get(url.apply("agreements-service") + "/api/agreements/" + id, token).expect(200).json();
            compareAgreement(id, agreement, history, differences);
            Optional<Event> inForce = history.stream().filter(e -> e.name().equals("AgreementActivated") || e.name().equals("AgreementAmended"))
                    .reduce((a, b) -> b);
            if ("ACTIVE".equals(statusAfter(history)) && inForce.isPresent()) {
                expectedOpen.put(id, inForce.get().text("firstAcademicYear") + "-" + inForce.get().text("lastAcademicYear"));
            }
        });
        var open = new TreeMap<String, String>();
        all(url.apply("mobility-service") + "/api/mobilities/agreements").forEach(a -> open.put(a.path("id").asText(),
                a.path("firstAcademicYear").asText() + "-" + a.path("lastAcademicYear").asText()));
        if (!open.equals(expectedOpen)) {
            differences.add("agreements open for nominations in mobility-service (id=years) " + open
                    + ", active by the agreement events " + expectedOpen);
        }
        return differences;
    }

    private static void compareAgreement(String id, JsonNode agreement, List<Event> history, List<String> differences) {
        var steps = history.stream().collect(Collectors.groupingBy(e -> e.name() + " " + switch (e.name()) {
            case "AgreementApproved" -> "v" + e.text("versionNumber") + " by " + e.text("institution");
            case "AgreementProposed", "AgreementAmended" -> "v" + e.text("versionNumber");
            default -> "";
        }, TreeMap::new, Collectors.counting()));
        steps.forEach((step, times) -> {
            if (times > 1 && !step.startsWith("AgreementSuspended") && !step.startsWith("AgreementResumed")) {
                differences.add("agreement " + id + ": " + step.trim() + " published " + times + " times under different ids");
            }
        });
        String status = statusAfter(history);
        if (!Objects.equals(status, agreement.path("status").asText())) {
            differences.add("agreement " + id + ": " + agreement.path("status").asText() + " in agreements-service, " + status
                    + " after its events " + names(history));
        }
        Optional<Event> inForce = history.stream().filter(e -> e.name().equals("AgreementActivated") || e.name().equals("AgreementAmended"))
                .reduce((a, b) -> b);
        int version = inForce.map(e -> e.name().equals("AgreementActivated") ? 1 : e.data().path("versionNumber").asInt()).orElse(0);
        if (agreement.path("versionInForce").asInt() != version) {
            differences.add("agreement " + id + ": version " + agreement.path("versionInForce").asInt() + " in force in agreements-service, "
                    + version + " by its events");
        }
        if (inForce.isPresent()) {
            if (!inForce.get().text("contentHash").equals(agreement.path("contentHash").asText())) {
                differences.add("agreement " + id + ": content hash " + agreement.path("contentHash").asText() + " in agreements-service, "
                        + inForce.get().text("contentHash") + " in " + inForce.get().name());
            }
            var conditions = conditions(agreement.path("conditions"));
            var announced = conditions(inForce.get().data().path("conditions"));
            if (!conditions.equals(announced)) {
                differences.add("agreement " + id + ": conditions " + conditions + " in agreements-service, " + announced + " in "
                        + inForce.get().name());
            }
        }
        Optional<Event> proposal = history.stream().filter(e -> e.name().equals("AgreementProposed")).reduce((a, b) -> b);
        String pending = proposal.filter(p -> p.data().path("amendment").asBoolean() && p.data().path("versionNumber").asInt() > version)
                .map(p -> p.text("contentHash")).orElse(null);
        String shown = agreement.path("amendment").isObject() ? agreement.path("amendment").path("contentHash").asText(null) : null;
        if (!Objects.equals(pending, shown)) {
            differences.add("agreement " + id + ": amendment waiting with hash " + shown + " in agreements-service, " + pending + " by its events");
        }
    }

    /** The status an agreement's events leave it in. */
    private static String statusAfter(List<Event> history) {
        String status = null;
        for (Event event : history) {
            status = switch (event.name()) {
                case "AgreementProposed" -> event.data().path("amendment").asBoolean() ? status : "PROPOSED";
                case "AgreementActivated", "AgreementAmended", "AgreementResumed" -> "ACTIVE";
                case "AgreementSuspended" -> "SUSPENDED";
                case "AgreementTerminated" -> "TERMINATED";
                case "AgreementExpired" -> "EXPIRED";
                default -> status;
            };
        }
        return status;
    }

    private static Set<String> conditions(JsonNode conditions) {
        var set = new TreeSet<String>();
        conditions.forEach(c -> set.add(c.path("id").asText() + " " + c.path("mobilityType").asText() + " "
                + c.path("sendingInstitution").asText() + "->" + c.path("receivingInstitution").asText() + " "
                + c.path("placesPerYear").asInt() + "/year " + c.path("firstAcademicYear").asText() + "-" + c.path("lastAcademicYear").asText()));
        return set;
    }

    // ---- institutions: identity-service and agreements-service ---------------------------------------------------

    /**
     * identity-service lists exactly the institutions of the events, each registered once and as its last event
     * says; agreements-service accepts every code the events announced as a party (a draft, deleted at once).
     */
    List<String> institutions() {
        var differences = new ArrayList<String>();
        var byInstitution = events.byAggregate(INSTITUTIONS, "institutionId");
        var listed = byId(all(url.apply("identity-service") + "/api/institutions"));
        listed.forEach((id, institution) -> {
            var history = byInstitution.getOrDefault(id, List.of());
            if (count(history, "InstitutionRegistered") != 1) {
                differences.add("institution " + institution.path("schacCode").asText() + " (" + id + "): "
                        + count(history, "InstitutionRegistered") + " InstitutionRegistered, expected 1");
            }
            history.stream().reduce((a, b) -> b).ifPresent(last -> {
                String announced = last.text("schacCode") + " formerly " + texts(last.data().path("previousSchacCodes"));
                String state = institution.path("schacCode").asText() + " formerly " + texts(institution.path("previousSchacCodes"));
                if (!announced.equals(state)) {
                    differences.add("institution " + id + ": " + state + " in identity-service, " + announced + " in " + last.name());
                }
            });
        });
        byInstitution.keySet().stream().filter(id -> !listed.containsKey(id))
                .forEach(id -> differences.add("institution " + id + ": events " + names(byInstitution.get(id)) + " but identity-service does not list it"));
        var codes = new TreeSet<String>();
        byInstitution.values().forEach(history -> history.stream().reduce((a, b) -> b).ifPresent(last -> {
            codes.add(last.text("schacCode"));
            codes.addAll(texts(last.data().path("previousSchacCodes")));
        }));
        String knownBy = knownToAgreementsService(codes);
        if (knownBy != null) {
            differences.add(knownBy);
        }
        return differences;
    }

    /** Null when agreements-service accepts every code as a party of a draft; otherwise its answer. */
    private String knownToAgreementsService(Set<String> codes) {
        String parties = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        String draft = """
                {"kind":"FRAMEWORK","title":{"fr":"Vérification des institutions connues","en":"Known institutions check","zh":"已知机构核对"},
                 "parties":[%s],"firstAcademicYear":"2025/2026","lastAcademicYear":"2026/2027"}""".formatted(parties);
        var answer = api.post(url.apply("agreements-service") + "/api/agreements", token, draft);
        if (answer.status() != 201) {
            return "agreements-service does not take the institution codes " + codes + " as parties: " + answer.status() + " " + answer.body();
        }
        api.delete(url.apply("agreements-service") + "/api/agreements/" + answer.text("/id"), token, answer.etag()).expect(204);
        return null;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** Every item of a paged list. */
    private List<JsonNode> all(String list) {
        var items = new ArrayList<JsonNode>();
        for (int page = 0; ; page++) {
            var json = api.get(list + (list.contains("?") ? "&" : "?") + "size=100&page=" + page, token).expect(200).json();
            json.path("items").forEach(items::add);
            if (page + 1 >= json.path("totalPages").asLong()) {
                return items;
            }
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> items) {
        var byId = new LinkedHashMap<String, JsonNode>();
        items.forEach(item -> byId.put(item.path("id").asText(), item));
        return byId;
    }

    private static Set<String> texts(JsonNode array) {
        var texts = new TreeSet<String>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static long count(List<Event> history, String name) {
        return history.stream().filter(e -> e.name().equals(name)).count();
    }

    private static List<String> names(List<Event> history) {
        return history.stream().map(Event::name).toList();
    }
}
