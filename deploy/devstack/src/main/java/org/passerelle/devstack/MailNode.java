package org.passerelle.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.util.Map;

/**
 * The local platform's mail server (GreenMail, in the launcher's JVM): identity-service sends its notifications to
 * its SMTP port, and anyone reads them over IMAP, logging in with the recipient's address as user and password.
 * Mail is kept in memory only: it is gone when the launcher stops.
 */
final class MailNode {

    private final int smtpPort;
    private final int imapPort;
    private GreenMail server;

    MailNode(Map<String, String> env) {
        smtpPort = Integer.parseInt(env.getOrDefault("PASSERELLE_SMTP_PORT", "3025"));
        imapPort = Integer.parseInt(env.getOrDefault("PASSERELLE_IMAP_PORT", "3143"));
    }

    void start() {
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any recipient can read their mail with their address as user name and password
        server.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** What identity-service needs to send mail here; webhooks to receivers on this machine are allowed locally. */
    Map<String, String> serviceEnvironment() {
        return Map.of("PASSERELLE_SMTP_PORT", Integer.toString(smtpPort), "PASSERELLE_WEBHOOKS_LOCAL_TARGETS", "true");
    }

    String where() {
        return "SMTP 127.0.0.1:" + smtpPort + "; read it over IMAP at imap://127.0.0.1:" + imapPort
                + " (user and password: the recipient's address)";
    }
}
