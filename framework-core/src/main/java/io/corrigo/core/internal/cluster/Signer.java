package io.corrigo.core.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks cluster messages with the study's shared secret (HMAC-SHA256 over the message
 * text). A coordinator answers only workers whose messages carry a valid signature, and a worker
 * runs only assignments signed with its secret.
 */
public final class Signer {

    /** The header that carries a message's signature. */
    public static final String HEADER = "corrigo-signature";

    /** The shortest secret accepted. */
    public static final int MIN_LENGTH = 16;

    private final SecretKeySpec key;

    private Signer(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * A signer for {@code secret}.
     *
     * @throws IllegalArgumentException if the secret is shorter than {@link #MIN_LENGTH} characters
     */
    public static Signer of(String secret) {
        String trimmed = secret.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the cluster secret has " + trimmed.length() + " characters; use at least "
                    + MIN_LENGTH + " (e.g. the output of: openssl rand -hex 24)");
        }
        return new Signer(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature of {@code text}, Base64. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is {@code text}'s (compared in constant time). */
    public boolean verify(String text, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
