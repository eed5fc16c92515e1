package news.storyline.api.story;

/** How one story relates to another it is linked to. */
public enum StoryRelation {
    FOLLOW_UP_OF,
    RELATED_TO,
    UPDATE_OF,
    BACKGROUND_TO
}
