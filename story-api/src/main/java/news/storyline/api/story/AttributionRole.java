package news.storyline.api.story;

/** The part a source played in bringing a story to the agency. */
public enum AttributionRole {
    /** Where the information comes from: KCNA reporting Kim's words. */
    ORIGINATOR,
    /** Who carried it on unchanged: a wire that relays another agency's report. */
    CARRIER,
    /** Whom the agency cites for it: "КЦТА, цитирана от Франс прес" — AFP. */
    CITED_BY
}
