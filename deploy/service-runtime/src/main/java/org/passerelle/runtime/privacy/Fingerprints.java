package org.passerelle.runtime.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.runtime.text.Identifiers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * One-way fingerprints of a person's email, identifiers and account, as PersonErased carries them: a service finds
 * the rows of an erased person by fingerprinting its own values, while the event never carries them in plain text.
 * A keyed hash (HMAC-SHA256, key {@code passerelle.privacy.fingerprint-key}, the same in every service) so that a
 * reader of the topic cannot confirm a guessed email or INE by hashing it. See docs/adr/0008.
 */
@ApplicationScoped
public class Fingerprints {

    /** What a fingerprint is of; the identifier kinds are identity-service's identifier schemes. */
    public static final String EMAIL = "EMAIL";
    public static final String INE = "INE";
    public static final String SJTU_STUDENT_NUMBER = "SJTU_STUDENT_NUMBER";
    public static final String ESI = "ESI";
    public static final String PASSPORT = "PASSPORT";
    /** The subject of the person's tokens (their identity-provider account id). */
    public static final String ACCOUNT = "ACCOUNT";

    /** The same in every service; in a cluster a secret (PASSERELLE_PRIVACY_FINGERPRINT_KEY). */
    @ConfigProperty(name = "passerelle.privacy.fingerprint-key", defaultValue = "demo-only-fingerprint-key")
    String key;

    public Fingerprints() {
    }

    /** For code outside CDI (tests, tools) that knows the key. */
    public Fingerprints(String key) {
        this.key = key;
    }

    /** The fingerprint of a value of this kind, or null when there is no value. */
    public String of(String kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalized(kind, value)).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether this value of this kind is one of the fingerprints. */
    public boolean matches(Collection<String> fingerprints, String kind, String value) {
        String fingerprint = of(kind, value);
        return fingerprint != null && fingerprints.contains(fingerprint);
    }

    /** The values as every service stores them (see Identifiers), so that a fingerprint matches whatever form was typed. */
    static String normalized(String kind, String value) {
        return switch (kind) {
            case EMAIL -> Identifiers.email(value);
            case ACCOUNT -> value.strip();
            default -> Identifiers.code(value);
        };
    }
}
