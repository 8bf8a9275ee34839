package org.passerelle.devstack.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The founding facts of Passerelle played through the REST API of the running platform, as its users would:
 * the Paris Cité and Lyon 1 agreements drafted, approved by both sides and amended; the target to double the
 * inbound French students; SJTUSM's catalogue; a Lyon 1 cohort nominated by CSV and Paris Cité students through
 * the API (one over quota, one for a full session); SJTUSM accepting, arrivals and departures; Chinese students
 * sent to France; a Lyon 1 summer trainee's papers (an insurance and a vaccination certificate, the latter rejected
 * and handed in again), her start refused until both are accepted. The platform loads it as its demo data, and the
 * end-to-end test plays and checks it.
 * Every person is fictional; the schools of the Joint Medical College other than Paris Cité and Lyon 1 are
 * illustrative.
 */
public final class FoundingStory {

    /** Where the services and Keycloak answer. */
    public record Urls(String agreements, String mobility, String curriculum, String identity, String tokenUrl) {
    }

    /** What the story created, for those who check it. */
    public record Outcome(String lyonAgreement, String parisAgreement, String target, String summerSession,
                          String observationSession, List<String> inboundMobilities, List<String> outboundMobilities,
                          String overQuotaProblem, String fullSessionMobility, Trainee trainee) {
    }

    /** The summer trainee's mobility, and the lines her arrival was refused for, first and second time. */
    public record Trainee(String mobility, List<String> refusedFirst, List<String> refusedSecond, String status) {
    }

    /** The marker of the demo agreements' titles: finding it means the story was played already. */
    public static final String MARKER = "Accord d'échange SJTUSM";
    private static final String LYON1_SECRET = System.getenv().getOrDefault("PASSERELLE_UNIV_LYON1_CLIENT_SECRET",
            "demo-only-univ-lyon1-secret");

    private final Urls urls;
    private final Api api;
    private final java.util.function.Consumer<String> say;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    public FoundingStory(Urls urls, java.util.function.Consumer<String> say) {
        this.urls = urls;
        this.api = new Api(urls.tokenUrl());
        this.say = say;
    }

    /** True when the demo agreements are there already (the platform keeps its state between runs). */
    public boolean alreadyPlayed() {
        return api.get(urls.agreements() + "/api/agreements?text=" + java.net.URLEncoder.encode(MARKER, java.nio.charset.StandardCharsets.UTF_8),
                token("admin.sjtusm")).expect(200).number("/totalItems") > 0;
    }

    public Outcome play() throws InterruptedException {
        return play(chapter -> { });
    }

    /** Plays the story; {@code between} runs after each chapter ("agreements", "catalogue", "nominations"). */
    public Outcome play(java.util.function.Consumer<String> between) throws InterruptedException {
        say.accept("demo data: agreements with Université Paris Cité and Université Claude Bernard Lyon 1");
        String lyon = agreement("univ-lyon1.fr", "Université Claude Bernard Lyon 1", "里昂第一大学", lyonConditions());
        String paris = agreement("u-paris.fr", "Université Paris Cité", "巴黎西岱大学", parisConditions());
        awaitOpenForNominations(lyon, "univ-lyon1.fr");
        awaitOpenForNominations(paris, "u-paris.fr");
        say.accept("demo data: both agreements amended (more staff places, longer clinical internships, long-term research)");
        amend(lyon, "univ-lyon1.fr", lyonAmendment(lyon));
        amend(paris, "u-paris.fr", parisAmendment(paris));
        String target = target(lyon, paris);
        between.accept("agreements");

        say.accept("demo data: the catalogue of SJTUSM and Ruijin Hospital");
        Map<String, String> sessions = catalogue();
        between.accept("catalogue");

        say.accept("demo data: nominations both ways");
        var inbound = new ArrayList<String>();
        inbound.addAll(lyonCohortByCsv(lyon, sessions.get("summer")));
        inbound.addAll(parisStudents(paris));
        String overQuota = parisOverQuota(paris);
        List<String> observation = lyonClinical(lyon, sessions.get("observation"));
        inbound.addAll(observation);
        var outbound = chineseStudentsToFrance(lyon, paris);
        between.accept("nominations");

        say.accept("demo data: SJTUSM accepts; arrivals and departures confirmed");
        receive(inbound.stream().filter(id -> !id.equals(observation.get(1))).toList(), outbound);

        say.accept("demo data: a Lyon 1 summer trainee hands in her papers; her arrival waits until they are accepted");
        var trainee = summerTrainee(lyon, sessions.get("wardSummer"));
        return new Outcome(lyon, paris, target, sessions.get("summer"), sessions.get("observation"), inbound, outbound,
                overQuota, observation.get(1), trainee);
    }

    // ---- agreements ------------------------------------------------------------------------------------------

    private String agreement(String partner, String partnerFr, String partnerZh, String conditions) {
        String coordinator = "coordinator." + partner.replace(".fr", "");
        String body = """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"%s - %s","en":"Exchange agreement SJTUSM - %s","zh":"上海交通大学医学院与%s交流协议"},
                 "parties":["sjtu.edu.cn","%s"],"signedOn":"2025-11-20","signedAt":"Paris",
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","conditions":[%s]}"""
                .formatted(MARKER, partnerFr, partnerFr, partnerZh, partner, conditions);
        String id = api.post(urls.agreements() + "/api/agreements", token(coordinator), body).expect(201).text("/id");
        String resource = urls.agreements() + "/api/agreements/" + id;
        String hash = api.change(resource, "/proposal", token(coordinator), "").expect(200).text("/contentHash");
        approve(id, hash, coordinator);
        return id;
    }

    private void approve(String id, String hash, String coordinator) {
        String approval = "{\"contentHash\":\"" + hash + "\"}";
        api.post(urls.agreements() + "/api/agreements/" + id + "/approvals", token(coordinator), approval).expect(200);
        api.post(urls.agreements() + "/api/agreements/" + id + "/approvals", token("admin.sjtusm"), approval).expect(200);
    }

    private static String condition(String id, String sending, String receiving, String type, int places, Integer min, Integer max,
                                    Integer staffDays) {
        return """
                {%s"sendingInstitution":"%s","receivingInstitution":"%s","mobilityType":"%s","placesPerYear":%d,
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","minimumDays":%s,"maximumDays":%s,
                 "eqfLevel":7,"iscedCode":"0912","language":"fr","cefrLevel":"B1","staffDaysPerYear":%s}"""
                .formatted(id == null ? "" : "\"id\":\"" + id + "\",", sending, receiving, type, places, min, max, staffDays);
    }

    private static String lyonConditions() {
        return String.join(",",
                condition(null, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 15, 14, 60, null),
                condition(null, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID", 6, 30, 92, null),
                condition(null, "univ-lyon1.fr", "sjtu.edu.cn", "STAFF_TEACHING", 2, 5, 30, 10),
                condition(null, "sjtu.edu.cn", "univ-lyon1.fr", "RESEARCH_LONG", 4, 180, null, null));
    }

    private static String parisConditions() {
        return String.join(",",
                condition(null, "u-paris.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 15, 14, 60, null),
                condition(null, "u-paris.fr", "sjtu.edu.cn", "BASIC_COURSES", 4, 60, 200, null),
                condition(null, "sjtu.edu.cn", "u-paris.fr", "CLINICAL_INTERNSHIP_MID", 6, 30, 92, null),
                condition(null, "u-paris.fr", "sjtu.edu.cn", "STAFF_TRAINING", 2, 5, 30, 10));
    }

    /** The conditions in force, by mobility type and direction: "SUMMER_TRAINING univ-lyon1.fr" -> id. */
    private Map<String, String> conditionIds(String agreement) {
        var answer = api.get(urls.agreements() + "/api/agreements/" + agreement, token("admin.sjtusm")).expect(200);
        var byKey = new LinkedHashMap<String, String>();
        answer.json().path("conditions").forEach(condition -> byKey.put(
                condition.path("mobilityType").asText() + " " + condition.path("sendingInstitution").asText(), condition.path("id").asText()));
        return byKey;
    }

    private String lyonAmendment(String lyon) {
        var ids = conditionIds(lyon);
        return String.join(",",
                condition(ids.get("SUMMER_TRAINING univ-lyon1.fr"), "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 15, 14, 60, null),
                condition(ids.get("CLINICAL_INTERNSHIP_MID univ-lyon1.fr"), "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID", 6, 30, 92, null),
                condition(ids.get("STAFF_TEACHING univ-lyon1.fr"), "univ-lyon1.fr", "sjtu.edu.cn", "STAFF_TEACHING", 4, 5, 45, 15),
                condition(ids.get("RESEARCH_LONG sjtu.edu.cn"), "sjtu.edu.cn", "univ-lyon1.fr", "RESEARCH_LONG", 4, 180, null, null),
                condition(null, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", 3, 93, 365, null),
                condition(null, "univ-lyon1.fr", "sjtu.edu.cn", "RESEARCH_LONG", 2, 180, null, null));
    }

    private String parisAmendment(String paris) {
        var ids = conditionIds(paris);
        return String.join(",",
                condition(ids.get("SUMMER_TRAINING u-paris.fr"), "u-paris.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 15, 14, 60, null),
                condition(ids.get("BASIC_COURSES u-paris.fr"), "u-paris.fr", "sjtu.edu.cn", "BASIC_COURSES", 4, 60, 200, null),
                condition(ids.get("CLINICAL_INTERNSHIP_MID sjtu.edu.cn"), "sjtu.edu.cn", "u-paris.fr", "CLINICAL_INTERNSHIP_MID", 6, 30, 92, null),
                condition(ids.get("STAFF_TRAINING u-paris.fr"), "u-paris.fr", "sjtu.edu.cn", "STAFF_TRAINING", 4, 5, 45, 15),
                condition(null, "u-paris.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", 2, 93, 365, null));
    }

    private void amend(String id, String partner, String conditions) {
        String coordinator = "coordinator." + partner.replace(".fr", "");
        String resource = urls.agreements() + "/api/agreements/" + id;
        var current = api.get(resource, token(coordinator)).expect(200);
        String body = """
                {"kind":"BILATERAL_EXCHANGE","title":{"fr":"%s","en":"%s","zh":"%s"},"parties":["sjtu.edu.cn","%s"],
                 "signedOn":"2025-11-20","signedAt":"Paris","firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030",
                 "conditions":[%s]}"""
                .formatted(current.text("/title/fr"), current.text("/title/en"), current.text("/title/zh"), partner, conditions);
        api.change(resource, "/amendment", token(coordinator), body).expect(200);
        String hash = api.change(resource, "/amendment/proposal", token(coordinator), "").expect(200)
                .text("/amendment/contentHash");   // the top-level contentHash is the version in force's
        approve(id, hash, coordinator);
    }

    private String target(String lyon, String paris) {
        String body = """
                {"title":{"fr":"Doubler les étudiants en médecine français accueillis","en":"Double the inbound French medical students",
                          "zh":"接收法国医学生人数翻一番"},
                 "agreements":["%s","%s"],"receivingInstitution":"sjtu.edu.cn",
                 "baselineYear":"2024/2025","baselineCount":30,"targetYear":"2027/2028","targetCount":60}""".formatted(lyon, paris);
        return api.post(urls.agreements() + "/api/targets", token("admin.sjtusm"), body).expect(201).text("/id");
    }

    private void awaitOpenForNominations(String agreement, String party) throws InterruptedException {
        await("mobility-service to open agreement " + agreement, () -> api.get(urls.mobility() + "/api/mobilities/agreements?size=100&party=" + party,
                token("admin.sjtusm")), a -> a.status() == 200 && a.texts("/items", "id").contains(agreement));
    }

    // ---- catalogue -------------------------------------------------------------------------------------------

    private Map<String, String> catalogue() {
        var sessions = new LinkedHashMap<String, String>();
        sessions.put("summer", session(item("SUMMER_PROGRAMME", "Programme d'été de médecine clinique à Shanghai",
                "Shanghai summer programme in clinical medicine", "上海临床医学暑期项目", ",\"code\":\"SUMMER-2027\",\"hours\":120,\"durationWeeks\":4"),
                "2027-07-05", "2027-07-30", 30));
        sessions.put("wardSummer", session(item("SUMMER_PROGRAMME", "Stage d'été en service hospitalier à Ruijin",
                "Summer ward traineeship at Ruijin Hospital", "瑞金医院暑期病房实习", ",\"code\":\"SUMMER-WARD-2027\",\"hours\":100,"
                        + "\"durationWeeks\":4,\"requirements\":[\"HEALTH_INSURANCE\",\"HEPATITIS_B_VACCINATION\"]"),
                "2027-07-05", "2027-07-30", 10));
        session(item("BASIC_COURSE", "Anatomie humaine", "Human anatomy", "人体解剖学", ",\"code\":\"MED-ANAT-101\",\"hours\":48,\"term\":\"AUTUMN\""),
                "2026-09-14", "2027-01-15", 20);
        session(item("CLINICAL_INTERNSHIP", "Stage clinique en chirurgie hépatobiliaire", "Clinical internship in hepatobiliary surgery",
                "肝胆外科临床实习", ",\"hospital\":\"Ruijin Hospital\",\"department\":\"Hepatobiliary surgery\",\"specialty\":\"Hépato-gastroentérologie\","
                        + "\"durationWeeks\":8,\"minimumYearOfStudy\":4,\"requirements\":[\"HEPATITIS_B_VACCINATION\",\"HEALTH_INSURANCE\"]"),
                "2027-03-01", "2027-04-26", 4);
        session(item("CLINICAL_INTERNSHIP", "Stage long en endocrinologie", "Long internship in endocrinology", "内分泌科长期实习",
                ",\"hospital\":\"Ruijin Hospital\",\"department\":\"Endocrinology and metabolic diseases\",\"specialty\":\"Endocrinologie\","
                        + "\"durationWeeks\":16,\"minimumYearOfStudy\":5,\"requirements\":[\"HEALTH_INSURANCE\"]"),
                "2026-10-05", "2027-01-25", 3);
        sessions.put("observation", session(item("CLINICAL_INTERNSHIP", "Observation en neurochirurgie", "Observership in neurosurgery",
                "神经外科见习", ",\"hospital\":\"Ruijin Hospital\",\"department\":\"Neurosurgery (illustrative)\",\"specialty\":\"Neurochirurgie\","
                        + "\"durationWeeks\":6,\"minimumYearOfStudy\":5,\"requirements\":[\"HEALTH_INSURANCE\"]"),
                "2027-03-01", "2027-04-12", 1));
        session(item("RESEARCH_PLACEMENT", "Recherche en hématologie", "Research in haematology", "血液学研究",
                ",\"laboratory\":\"Shanghai Institute of Hematology\",\"principalInvestigator\":\"Pr. Chen Jing 陈静 (illustrative)\","
                        + "\"topic\":\"Targeted therapies in acute promyelocytic leukaemia\",\"durationMonths\":6"),
                "2026-09-21", "2027-03-19", 2);
        return sessions;
    }

    private String item(String kind, String fr, String en, String zh, String details) {
        String body = """
                {"kind":"%s","title":{"fr":"%s","en":"%s","zh":"%s"},
                 "description":{"fr":"%s, à Shanghai.","en":"%s, in Shanghai.","zh":"%s（上海）。"},
                 "teachingLanguage":"fr","credits":{"chineseCredits":2,"ects":3.0}%s}"""
                .formatted(kind, fr, en, zh, fr, en, zh, details);
        return api.post(urls.curriculum() + "/api/catalogue", token("admin.sjtusm"), body).expect(201).text("/id");
    }

    private String session(String item, String start, String end, int capacity) {
        String year = start.compareTo(start.substring(0, 4) + "-09-01") >= 0
                ? start.substring(0, 4) + "/" + (Integer.parseInt(start.substring(0, 4)) + 1)
                : (Integer.parseInt(start.substring(0, 4)) - 1) + "/" + start.substring(0, 4);
        String body = "{\"academicYear\":\"%s\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"capacity\":%d}".formatted(year, start, end, capacity);
        String id = api.post(urls.curriculum() + "/api/catalogue/" + item + "/sessions", token("admin.sjtusm"), body).expect(201).text("/id");
        api.change(urls.curriculum() + "/api/catalogue/sessions/" + id, "/opening", token("admin.sjtusm"), "").expect(200);
        return id;
    }

    // ---- nominations -----------------------------------------------------------------------------------------

    private static final String[][] LYON_COHORT = {
            {"Éloïse", "D'Aubigné", "", "123456789AB"}, {"François", "Çelik", "", "223456789CD"},
            {"Zoë", "Lefèvre-Martin", "", "1234567890E"}, {"Noémie", "Bérard", "", "323456789EF"},
            {"Jérôme", "N'Diaye", "", "423456789GH"}, {"Anaïs", "Møller", "", "523456789IJ"},
            {"Loïc", "Dupré", "", "623456789KL"}, {"Fāng", "Wáng", "王芳", "723456789MN"},
            {"Maëlle", "Ouédraogo", "", "823456789PQ"}, {"Hélène", "Saint-Exupéry", "", "923456789RS"}};

    /** Lyon 1's integration script sends its summer cohort as CSV, each asking for the summer programme. */
    private List<String> lyonCohortByCsv(String lyon, String summerSession) throws InterruptedException {
        String condition = conditionIds(lyon).get("SUMMER_TRAINING univ-lyon1.fr");
        var csv = new StringBuilder("agreementId,conditionId,academicYear,plannedArrival,plannedDeparture,givenName,familyName,"
                + "chineseName,email,ine,requestedSessions\n");
        for (String[] student : LYON_COHORT) {
            csv.append(String.join(",", lyon, condition, "2026/2027", "2027-07-05", "2027-07-30", student[0],
                    "\"" + student[1] + "\"", student[2], email(student[0], student[1], "etu.univ-lyon1.fr"), student[3], summerSession)).append('\n');
        }
        String script = token("univ-lyon1-integration");
        var answer = api.postCsv(urls.mobility() + "/api/mobilities/bulk", script, csv.toString(), "lyon1-summer-2027-cohort").expect(201);
        if (answer.number("/refused") != 0) {
            throw new IllegalStateException("the Lyon 1 cohort was refused in part: " + answer.body());
        }
        return answer.texts("/rows", "mobilityId");
    }

    /** Paris Cité nominates through the API: last summer's students, and this year's basic courses. */
    private List<String> parisStudents(String paris) {
        var ids = conditionIds(paris);
        var created = new ArrayList<String>();
        String[][] summer = {{"Camille", "Rousseau"}, {"Théo", "Lemaître"}, {"Inès", "Benali"}, {"Léa", "Fontaine"}, {"Baptiste", "Aubé"}};
        for (int i = 0; i < summer.length; i++) {
            created.add(nominate(paris, ids.get("SUMMER_TRAINING u-paris.fr"), "2025/2026", "2026-07-06", "2026-07-31",
                    summer[i][0], summer[i][1], "", email(summer[i][0], summer[i][1], "etu.u-paris.fr"), "10345678" + i + "AB", null,
                    "coordinator.u-paris").expect(201).text("/id"));
        }
        String[][] basic = {{"Clément", "Giraud"}, {"Manon", "Lévêque"}, {"Hugo", "Marchand"}, {"Chloé", "Picard"}};
        for (int i = 0; i < basic.length; i++) {
            created.add(nominate(paris, ids.get("BASIC_COURSES u-paris.fr"), "2026/2027", "2026-09-14", "2027-01-15",
                    basic[i][0], basic[i][1], "", email(basic[i][0], basic[i][1], "etu.u-paris.fr"), "20345678" + i + "CD", null,
                    "coordinator.u-paris").expect(201).text("/id"));
        }
        return created;
    }

    /** A fifth basic-courses student for four places: refused with its reason. */
    private String parisOverQuota(String paris) {
        var answer = nominate(paris, conditionIds(paris).get("BASIC_COURSES u-paris.fr"), "2026/2027", "2026-09-14", "2027-01-15",
                "Margaux", "Dubois", "", "margaux.dubois@etu.u-paris.fr", "303456789EF", null, "coordinator.u-paris");
        return answer.expect(409).text("/type");
    }

    /**
     * Two Lyon 1 students ask for the one seat of the neurosurgery observership: the second is refused it, so that
     * nomination ends SEAT_REFUSED (its place freed) and Lyon 1 nominates the student again without the session.
     * The three mobilities, in that order.
     */
    private List<String> lyonClinical(String lyon, String observationSession) throws InterruptedException {
        String condition = conditionIds(lyon).get("CLINICAL_INTERNSHIP_MID univ-lyon1.fr");
        var created = new ArrayList<String>();
        String[][] students = {{"Mathilde", "Lacroix-Béranger", "133456789AB"}, {"Rémi", "O'Connor", "143456789CD"}};
        for (String[] student : students) {
            created.add(nominate(lyon, condition, "2026/2027", "2027-03-01", "2027-04-12", student[0], student[1], "",
                    email(student[0], student[1], "etu.univ-lyon1.fr"), student[2], observationSession, "coordinator.univ-lyon1")
                    .expect(201).text("/id"));
            // one at a time, so that the first one is the one holding the seat
            await("the seat answer for " + created.get(created.size() - 1), () -> mobility(created.get(created.size() - 1)),
                    a -> !a.texts("/sessions", "seat").contains("REQUESTED"));
        }
        await("the refused seat's nomination to end", () -> mobility(created.get(1)), a -> a.text("/status").equals("SEAT_REFUSED"));
        String[] again = students[1];
        created.add(nominate(lyon, condition, "2026/2027", "2027-03-01", "2027-04-12", again[0], again[1], "",
                email(again[0], again[1], "etu.univ-lyon1.fr"), again[2], null, "coordinator.univ-lyon1").expect(201).text("/id"));
        return created;
    }

    /** SJTUSM sends Chinese students to Lyon 1 (research) and Paris Cité (clinical internships). */
    private List<String> chineseStudentsToFrance(String lyon, String paris) {
        var created = new ArrayList<String>();
        String[][] research = {{"Wěi", "Zhāng", "张伟", "521010910101"}, {"Nà", "Lǐ", "李娜", "521010910102"}, {"Qiáng", "Liú", "刘强", "521010910103"}};
        for (String[] s : research) {
            created.add(nominate(lyon, conditionIds(lyon).get("RESEARCH_LONG sjtu.edu.cn"), "2026/2027", "2026-09-21", "2027-06-30",
                    s[0], s[1], s[2], email(s[0], s[1], "sjtu.edu.cn"), null, null, "coordinator.sjtusm", s[3]).expect(201).text("/id"));
        }
        String[][] clinical = {{"Xiùyīng", "Wáng", "王秀英", "521010910201"}, {"Jié", "Chén", "陈杰", "521010910202"}};
        for (String[] s : clinical) {
            created.add(nominate(paris, conditionIds(paris).get("CLINICAL_INTERNSHIP_MID sjtu.edu.cn"), "2026/2027", "2027-03-01",
                    "2027-04-30", s[0], s[1], s[2], email(s[0], s[1], "sjtu.edu.cn"), null, null, "coordinator.sjtusm", s[3])
                    .expect(201).text("/id"));
        }
        return created;
    }

    private Api.Answer nominate(String agreement, String condition, String year, String arrival, String departure, String given,
                                String family, String chinese, String email, String ine, String session, String nominator) {
        return nominate(agreement, condition, year, arrival, departure, given, family, chinese, email, ine, session, nominator, null);
    }

    private Api.Answer nominate(String agreement, String condition, String year, String arrival, String departure, String given,
                                String family, String chinese, String email, String ine, String session, String nominator,
                                String studentNumber) {
        String body = """
                {"agreementId":"%s","conditionId":"%s","academicYear":"%s","plannedArrival":"%s","plannedDeparture":"%s",
                 "person":{"givenName":"%s","familyName":"%s","chineseName":%s,"email":"%s","ine":%s,"studentNumber":%s},
                 "requestedSessions":[%s]}"""
                .formatted(agreement, condition, year, arrival, departure, given, family.replace("\"", ""),
                        chinese.isEmpty() ? "null" : "\"" + chinese + "\"", email, ine == null ? "null" : "\"" + ine + "\"",
                        studentNumber == null ? "null" : "\"" + studentNumber + "\"", session == null ? "" : "\"" + session + "\"");
        return api.post(urls.mobility() + "/api/mobilities", token(nominator), body);
    }

    // ---- the receiving sides ---------------------------------------------------------------------------------

    /**
     * SJTUSM accepts the inbound nominations; last summer's Paris students arrived and left; this year's basic
     * courses students arrived. Lyon 1 and Paris Cité accept SJTUSM's students; the researchers arrived in Lyon.
     */
    private void receive(List<String> inbound, List<String> outbound) {
        for (String id : inbound) {
            change(id, "/acceptance", "coordinator.sjtusm", "");
        }
        for (String id : inbound) {
            var mobility = mobility(id);
            if (mobility.text("/academicYear").equals("2025/2026")) {
                change(id, "/arrival", "coordinator.sjtusm", "{\"on\":\"2026-07-06\"}");
                change(id, "/departure", "coordinator.sjtusm", "{\"on\":\"2026-07-31\"}");
            } else if (mobility.text("/mobilityType").equals("BASIC_COURSES")) {
                change(id, "/arrival", "coordinator.sjtusm", "{\"on\":\"2026-09-14\"}");
            }
        }
        for (String id : outbound) {
            boolean lyon = mobility(id).text("/receivingInstitution").equals("univ-lyon1.fr");
            change(id, "/acceptance", lyon ? "coordinator.univ-lyon1" : "coordinator.u-paris", "");
            if (lyon) {
                change(id, "/arrival", "coordinator.univ-lyon1", "{\"on\":\"2026-09-21\"}");
            }
        }
    }

    private void change(String mobility, String action, String user, String body) {
        api.change(urls.mobility() + "/api/mobilities/" + mobility, action, token(user), body).expect(200);
    }

    private Api.Answer mobility(String id) {
        return api.get(urls.mobility() + "/api/mobilities/" + id, token("admin.sjtusm")).expect(200);
    }

    // ---- a summer trainee's papers ---------------------------------------------------------------------------

    /**
     * Noé Bérenger (the realm's student.univ-lyon1) is nominated by Lyon 1 for the summer ward traineeship, which asks
     * for a health insurance for the whole stay and a hepatitis B vaccination, both checked by SJTUSM. SJTUSM accepts
     * her; her arrival is refused while her papers are missing; she hands in both, the vaccination as a phone photo
     * that SJTUSM rejects as unreadable; her arrival is refused again for that line alone; she hands in a scan, SJTUSM
     * accepts it, and her arrival is confirmed.
     */
    private Trainee summerTrainee(String lyon, String wardSession) throws InterruptedException {
        String mobility = nominate(lyon, conditionIds(lyon).get("SUMMER_TRAINING univ-lyon1.fr"), "2026/2027", "2027-07-05", "2027-07-30",
                "Noé", "Bérenger", "", "noe.berenger@univ-lyon1.example", "193456789TU", wardSession, "coordinator.univ-lyon1")
                .expect(201).text("/id");
        String checklist = urls.mobility() + "/api/mobilities/" + mobility + "/checklist";
        await("the trainee's checklist from the traineeship's requirements", () -> api.get(checklist, token("student.univ-lyon1")),
                a -> a.status() == 200 && a.texts("/lines", "requirement").size() == 2);
        change(mobility, "/acceptance", "coordinator.sjtusm", "");
        List<String> refusedFirst = arrivalRefused(mobility);

        String insurance = upload(mobility, "HEALTH_INSURANCE", "2027-06-01", "2027-12-31", "attestation-assurance-berenger.pdf",
                pdf("Attestation d'assurance santé - Noé Bérenger - 01/06/2027 au 31/12/2027"));
        String photo = upload(mobility, "HEPATITIS_B_VACCINATION", null, null, "carnet-vaccination.png", unreadablePhoto());
        review(mobility, insurance, null);
        review(mobility, photo, "Photo illisible : scannez la page du carnet de vaccination");
        List<String> refusedSecond = arrivalRefused(mobility);

        String scan = upload(mobility, "HEPATITIS_B_VACCINATION", null, null, "carnet-vaccination-scan.pdf",
                pdf("Carnet de vaccination - hépatite B - Noé Bérenger"));
        review(mobility, scan, null);
        change(mobility, "/arrival", "coordinator.sjtusm", "{\"on\":\"2027-07-05\"}");
        return new Trainee(mobility, refusedFirst, refusedSecond, mobility(mobility).text("/status"));
    }

    /** SJTUSM confirms the arrival: refused for the checklist; the lines it names. */
    private List<String> arrivalRefused(String mobility) {
        String resource = urls.mobility() + "/api/mobilities/" + mobility;
        String etag = api.get(resource, token("coordinator.sjtusm")).expect(200).etag();
        var refusal = api.send(resource + "/arrival", token("coordinator.sjtusm"), etag, "{\"on\":\"2027-07-05\"}").expect(409);
        if (!refusal.text("/type").equals("urn:passerelle:problem:checklist-incomplete")) {
            throw new IllegalStateException("the arrival was refused for another reason: " + refusal.body());
        }
        return refusal.texts("/lines", "requirement");
    }

    /** The student hands in a paper for a line of her checklist; the document's id. */
    private String upload(String mobility, String requirement, String validFrom, String validUntil, String fileName, byte[] content) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("requirement", requirement);
        if (validFrom != null) {
            fields.put("validFrom", validFrom);
            fields.put("validUntil", validUntil);
        }
        return api.postFile(urls.mobility() + "/api/mobilities/" + mobility + "/documents", token("student.univ-lyon1"), fields,
                fileName, content).expect(201).text("/id");
    }

    /** SJTUSM, which checks both lines, accepts a document, or rejects it with the reason. */
    private void review(String mobility, String document, String rejection) {
        String url = urls.mobility() + "/api/mobilities/" + mobility + "/documents/" + document;
        if (rejection == null) {
            api.post(url + "/acceptance", token("coordinator.sjtusm"), "").expect(200);
        } else {
            api.post(url + "/rejection", token("coordinator.sjtusm"), "{\"reason\":\"" + rejection + "\"}").expect(200);
        }
    }

    /** A one-page PDF whose only content is a comment: enough for a type read from the content. */
    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first bytes of a PNG: the photo of a vaccination booklet, too blurred to read. */
    private static byte[] unreadablePhoto() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xDE};
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String token(String who) {
        return tokens.computeIfAbsent(who, w -> w.endsWith("-integration")
                ? api.clientToken(w, LYON1_SECRET)
                : api.userToken(w));
    }

    private static String email(String given, String family, String domain) {
        String local = java.text.Normalizer.normalize(given + "." + family, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z.]", "").toLowerCase(java.util.Locale.ROOT);
        return local + "@" + domain;
    }

    private void await(String what, Supplier<Api.Answer> ask, Predicate<Api.Answer> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var answer = ask.get();
            if (done.test(answer)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited a minute for " + what + "; last answer " + answer.status() + " " + answer.body());
            }
            Thread.sleep(200);
        }
    }
}
