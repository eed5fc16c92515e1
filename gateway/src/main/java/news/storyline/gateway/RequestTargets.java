package news.storyline.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a request target ({@code /api/stories/x?limit=3}) may look like before the gateway routes it: only the
 * characters RFC 3986 allows (no raw brackets, quotes, braces, spaces, backslashes or bytes above ASCII), each
 * {@code %} followed by two hex digits, and what is percent-encoded in the path or query must decode as strict
 * UTF-8 (no overlong forms such as {@code %C0%AF}, no encoded surrogates) with no control characters.
 *
 * <p>The services behind the gateway run Tomcat, which refuses such targets with an HTML page, and Spring's own
 * parsing of them fails before any handler; here they get a {@code 400} problem, and are never forwarded.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    /** @return why this request target is refused, or empty when it may be routed */
    static Optional<String> problem(String target) {
        if (target.isEmpty()) {
            return Optional.of("The request target is empty.");
        }
        String rest = target;
        if (!rest.startsWith("/")) {
            // absolute-form (RFC 9112 3.2.2), which a server must accept: only its path and query are checked
            int scheme = rest.indexOf("://");
            if (scheme <= 0 || !(rest.regionMatches(true, 0, "http", 0, scheme)
                    || rest.regionMatches(true, 0, "https", 0, scheme))) {
                return Optional.of("The request target must be a path such as /api/briefs.");
            }
            int path = rest.indexOf('/', scheme + 3);
            rest = path < 0 ? "/" : rest.substring(path);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            return Optional.of("A request target must not carry a fragment (#).");
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        return checkPart(path, "path", false).or(() -> checkPart(query, "query", true));
    }

    private static Optional<String> checkPart(String part, String name, boolean query) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                    return Optional.of("The " + name + " has a % that is not followed by two hex digits.");
                }
                i += 2;
            } else if (!allowed(c, query)) {
                return Optional.of("The " + name + " holds a character that must be percent-encoded ("
                        + (c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("byte 0x%02X", (int) c)) + ").");
            }
        }
        byte[] decoded = percentDecode(part);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                    return Optional.of("The " + name + " holds an encoded control character.");
                }
            }
        } catch (CharacterCodingException notUtf8) {
            return Optional.of("The " + name + " is not percent-encoded UTF-8.");
        }
        return Optional.empty();
    }

    /** unreserved, sub-delims, ':' and '@' (pchar), '/', and in the query '?' too (RFC 3986 3.3, 3.4). */
    private static boolean allowed(char c, boolean query) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "-._~!$&'()*+,;=:@/".indexOf(c) >= 0 || (query && c == '?');
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static byte[] percentDecode(String part) {
        byte[] bytes = new byte[part.length()];
        int length = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                bytes[length++] = (byte) (hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
                i += 2;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(bytes, length);
    }
}
