package news.storyline.brief.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a receiver knows a delivery came from Storyline: {@code X-Storyline-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the body's bytes keyed with the webhook's secret as given at registration (its base64 text, as
 * UTF-8 bytes, so that a receiver can use the string it was shown without decoding it).
 */
final class Signatures {

    static final String HEADER = "X-Storyline-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The header's value for {@code body} signed with {@code secret}. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, unavailable);
        }
    }
}
