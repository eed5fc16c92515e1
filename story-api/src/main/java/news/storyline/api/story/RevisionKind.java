package news.storyline.api.story;

/** Why a story changed: new information ({@code UPDATE}) or a fix of something that was wrong ({@code CORRECTION}). */
public enum RevisionKind {
    UPDATE,
    CORRECTION
}
