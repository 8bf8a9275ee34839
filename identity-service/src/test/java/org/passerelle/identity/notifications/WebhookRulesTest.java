package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of webhooks that need no service: signatures, target URLs, backoff, who hears of what. */
class WebhookRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSignatureIsStandardWebhooksHmacOfIdTimestampAndBody() throws Exception {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        String body = "{\"id\":\"x\",\"data\":{\"name\":\"Zoë 张\"}}";
        String header = WebhookSignature.header(List.of(secret), "msg_1", 1_700_000_000L, body);
        assertEquals("v1," + independentHmac(secret, "msg_1.1700000000." + body), header);
    }

    @Test
    void theSignatureMatchesTheExampleOfTheStandardWebhooksSpecification() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.header(
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void duringARotationBothSecretsSign() throws Exception {
        String next = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, previous), "id", 42, "{}");
        assertEquals(List.of("v1," + independentHmac(next, "id.42.{}"), "v1," + independentHmac(previous, "id.42.{}")),
                List.of(header.split(" ")));
    }

    /** The verification a receiver writes, after the Standard Webhooks specification, with the JDK only. */
    static String independentHmac(String secret, String signedContent) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void outsideALocalPlatformOnlyHttpsToPublicAddressesIsAccepted() {
        assertEquals(Optional.empty(), TargetUrl.refusal("https://93.184.215.14/hooks", false));
        assertEquals(Optional.of("webhook.url-https"), TargetUrl.refusal("http://93.184.215.14/hooks", false));
        for (String url : List.of("https://127.0.0.1/h", "https://localhost:8443/h", "https://10.1.2.3/h", "https://192.168.0.10/h",
                "https://172.16.5.4/h", "https://169.254.169.254/latest/meta-data", "https://[::1]/h", "https://[fd00::1]/h",
                "https://100.64.0.1/h", "https://0.0.0.0/h")) {
            assertEquals(Optional.of("webhook.url-private"), TargetUrl.refusal(url, false), url);
        }
        for (String url : List.of("ftp://example.org/x", "not a url", "/relative", "https://user:pw@example.org/x", "https:///nohost")) {
            assertEquals(Optional.of("webhook.url-invalid"), TargetUrl.refusal(url, false), url);
        }
        assertEquals(Optional.of("webhook.url-invalid"), TargetUrl.refusal(null, true));
    }

    @Test
    void aLocalPlatformAcceptsHttpAndLoopback() {
        assertEquals(Optional.empty(), TargetUrl.refusal("http://127.0.0.1:9000/hooks", true));
        assertEquals(Optional.of("webhook.url-invalid"), TargetUrl.refusal("ftp://127.0.0.1/hooks", true));
    }

    @Test
    void theWaitDoublesUpToTheLongestWithJitterBelowIt() {
        var backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(80), backoff.ceiling(4));
        assertEquals(Duration.ofHours(1), backoff.ceiling(12));
        assertEquals(Duration.ofHours(1), backoff.ceiling(500));
        for (int attempt = 1; attempt < 40; attempt++) {
            Duration wait = backoff.after(attempt);
            assertTrue(wait.compareTo(backoff.ceiling(attempt).dividedBy(2)) >= 0 && wait.compareTo(backoff.ceiling(attempt)) <= 0);
        }
        // 24 hours of retries take about 30 attempts, not thousands
        Duration total = Duration.ZERO;
        int attempts = 0;
        while (total.compareTo(Duration.ofHours(24)) < 0) {
            total = total.plus(backoff.ceiling(++attempts));
        }
        assertTrue(attempts < 40, "attempts in 24 h: " + attempts);
    }

    @Test
    void aMobilityIsHeardOfByItsTwoInstitutionsOnly() throws Exception {
        var heard = Audience.of("passerelle.mobility.MobilityNominated.v1", JSON.readTree("""
                {"mobilityId": "m1", "sendingInstitution": "univ-lyon1.fr", "receivingInstitution": "sjtu.edu.cn", "personId": "p"}"""),
                Set.of()).orElseThrow();
        assertEquals("m1", heard.objectKey());
        assertTrue(heard.reaches("univ-lyon1.fr"));
        assertTrue(heard.reaches("sjtu.edu.cn"));
        assertFalse(heard.reaches("u-paris.fr"));
        assertEquals("p", heard.personId());
    }

    @Test
    void transcriptsAndRecognitionsAreHeardOfByTheMobilitysTwoInstitutionsOnlyInItsOrder() throws Exception {
        var data = JSON.readTree("""
                {"mobilityId": "m1", "sendingInstitution": "univ-lyon1.fr", "receivingInstitution": "sjtu.edu.cn", "version": 1}""");
        for (String type : List.of("passerelle.curriculum.TranscriptIssued.v1", "passerelle.curriculum.TranscriptCorrected.v1",
                "passerelle.curriculum.ResultsRecognised.v1")) {
            var heard = Audience.of(type, data, Set.of()).orElseThrow();
            assertEquals("m1", heard.objectKey(), "in the order of the mobility's other events: " + type);
            assertTrue(heard.reaches("univ-lyon1.fr") && heard.reaches("sjtu.edu.cn"), type);
            assertFalse(heard.reaches("u-paris.fr"), "a transcript is not the catalogue: " + type);
        }
    }

    @Test
    void anEventWithoutPartiesTakesThoseRememberedAndNoneWhenUnknown() throws Exception {
        var suspended = JSON.readTree("{\"agreementId\": \"a1\", \"reason\": \"audit\"}");
        var known = Audience.of("passerelle.agreements.AgreementSuspended.v1", suspended, Set.of("sjtu.edu.cn", "u-paris.fr")).orElseThrow();
        assertTrue(known.reaches("u-paris.fr"));
        assertFalse(known.reaches("univ-lyon1.fr"));
        var unknown = Audience.of("passerelle.agreements.AgreementSuspended.v1", suspended, Set.of()).orElseThrow();
        assertFalse(unknown.reaches("u-paris.fr"));
        var seats = Audience.of("passerelle.curriculum.SeatsHeld.v1", JSON.readTree("{\"mobilityId\": \"m1\"}"), Set.of()).orElseThrow();
        assertFalse(seats.reaches("sjtu.edu.cn"));
    }

    @Test
    void aDocumentIsHeardOfByTheInstitutionsAndTheStudentItsMobilityNamed() throws Exception {
        var rejected = JSON.readTree("{\"mobilityId\": \"m1\", \"requirement\": \"VISA\", \"reason\": \"expired\"}");
        var heard = Audience.of("passerelle.mobility.DocumentRejected.v1", rejected, Set.of("univ-lyon1.fr", "sjtu.edu.cn")).orElseThrow();
        assertEquals("m1", heard.objectKey());
        assertTrue(heard.reaches("univ-lyon1.fr") && heard.reaches("sjtu.edu.cn"));
        assertFalse(heard.reaches("u-paris.fr"));
        assertTrue(Audience.DELIVERED_TYPES.containsAll(java.util.List.of("passerelle.mobility.DocumentExpiring.v1",
                "passerelle.mobility.DocumentSubmitted.v1", "passerelle.mobility.ChecklistCompleted.v1")));
    }

    @Test
    void theCatalogueIsHeardOfByEveryoneAndAuditEventsByNobody() throws Exception {
        var published = Audience.of("passerelle.curriculum.CatalogueItemPublished.v1", JSON.readTree("{\"itemId\": \"i1\"}"), Set.of());
        assertTrue(published.orElseThrow().reaches("u-paris.fr"));
        assertEquals(Optional.empty(), Audience.of("passerelle.mobility.PersonalDataRead.v1", JSON.readTree("{}"), Set.of()));
    }

    @Test
    void mailIsWrittenInTheLanguageOfTheInstitutionsCountry() {
        assertEquals("zh", MailNotifications.language("CN"));
        assertEquals("fr", MailNotifications.language("FR"));
        assertEquals("en", MailNotifications.language("DE"));
        assertEquals("en", MailNotifications.language(null));
    }
}
