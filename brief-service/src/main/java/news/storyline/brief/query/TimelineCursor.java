package news.storyline.brief.query;

import news.storyline.api.query.QueryRefusedException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of a timeline ended: the time and id of its last (oldest) entry. The next page starts strictly
 * after it in newest-first order, so entries that arrive meanwhile (newer ones) never shift the pages that follow.
 * Opaque to clients: base64url of {@code <epoch millis>|<entry id>}.
 */
record TimelineCursor(Instant at, String entryId) {

    private static final String SEPARATOR = "|";

    String encode() {
        String plain = at.toEpochMilli() + SEPARATOR + entryId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TimelineCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            return new TimelineCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))),
                                      plain.substring(separator + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            throw new QueryRefusedException("cursor", "Not a cursor this service handed out: " + cursor);
        }
    }
}
