package news.storyline.story.web;

import news.storyline.story.command.StoryVersions;
import org.springframework.http.HttpHeaders;

/** Reads the version an editor based a change on from {@code If-Match: "3"} (strong or weak), for any write. */
final class Versions {

    private Versions() {
    }

    /** @return Axon's version for the given {@code If-Match} value */
    static long fromIfMatch(String ifMatch) {
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 1) {
                throw new MalformedIfMatchException(ifMatch);
            }
            return StoryVersions.axonVersion(version);
        } catch (NumberFormatException notANumber) {
            throw new MalformedIfMatchException(ifMatch);
        }
    }

    /** @return Axon's version for the request's {@code If-Match}, or null when it sent none */
    static Long fromOptionalIfMatch(HttpHeaders headers) {
        String ifMatch = headers.getFirst(HttpHeaders.IF_MATCH);
        return ifMatch == null ? null : fromIfMatch(ifMatch);
    }

    static String etag(long publicVersion) {
        return "\"" + publicVersion + "\"";
    }

    static final class MalformedIfMatchException extends RuntimeException {
        MalformedIfMatchException(String value) {
            super("If-Match must carry the version the change is based on, such as \"3\"; got " + value);
        }
    }
}
