package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One link of an attribution chain.
 *
 * @param source   the source as the editor wrote it ("Франс прес")
 * @param sourceId the source it names in the registry ("afp"), whichever alias was written; null for a source the
 *                 registry does not know, which is kept as written
 * @param role     the part it played
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributionHop(String source, String sourceId, AttributionRole role) {
}
