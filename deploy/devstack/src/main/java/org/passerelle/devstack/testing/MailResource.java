package org.passerelle.devstack.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.passerelle.devstack.FreePorts;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) for a service's tests, one per test JVM; tests read what it received. */
public class MailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    /** One received mail, as a test checks it. */
    public record Received(List<String> to, String subject, String body) {
    }

    @Override
    public Map<String, String> start() {
        GreenMail smtp = server();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // the server outlives one application start; it stops with the JVM
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-smtp"));
        }
        return server;
    }

    /** Every mail received so far to this address. */
    public static List<Received> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).map(MailResource::received)
                .filter(mail -> mail.to().contains(address)).toList();
    }

    private static Received received(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            Object content = message.getContent();
            return new Received(to, message.getSubject(), content instanceof String text ? text : String.valueOf(content));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("an unreadable mail: " + e.getMessage(), e);
        }
    }
}
