package news.storyline.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The stack's HS256 secrets as they are kept: base64 text (what {@code openssl rand -base64 32} prints), in a file
 * or given as is. Both the key that signs users' tokens and the one the gateway shares with the services are read
 * here, so both obey the same rules.
 */
public final class HmacSecrets {

    /** HS256 needs a key as long as its hash (RFC 7518, 3.2); a shorter one makes tokens easier to forge. */
    public static final int MIN_BYTES = 32;

    private HmacSecrets() {
    }

    /** The secret {@code file} holds in base64; {@code what} names it in errors (say, "the JWT secret"). */
    public static byte[] read(Path file, String what) {
        String base64;
        try {
            base64 = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + what + " file " + file, unreadable);
        }
        try {
            return decode(base64, what);
        } catch (IllegalArgumentException unusable) {
            throw new IllegalArgumentException(unusable.getMessage() + " (in " + file + ")", unusable);
        }
    }

    /** The secret {@code base64} holds, surrounding whitespace ignored. */
    public static byte[] decode(String base64, String what) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message quotes the offending character: part of the secret, so it is not passed on.
            throw new IllegalArgumentException(capitalized(what) + " is not valid base64");
        }
        requireLongEnough(secret, what);
        return secret;
    }

    static void requireLongEnough(byte[] secret, String what) {
        if (secret == null || secret.length < MIN_BYTES) {
            throw new IllegalArgumentException(capitalized(what) + " must be at least " + MIN_BYTES
                                               + " bytes; generate one with: openssl rand -base64 32");
        }
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
