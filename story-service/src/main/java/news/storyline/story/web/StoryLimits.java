package news.storyline.story.web;

/** What a newsroom allows in one story, in characters. */
final class StoryLimits {

    static final int HEADLINE = 200;
    static final int LEAD = 1_000;
    static final int BODY = 100_000;
    static final int PLACE = 100;
    static final int DESK = 50;
    static final int NOTE = 1_000;
    static final int SOURCE = 100;
    static final int HOPS = 10;
    static final int ID = 100;
    static final String LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    private StoryLimits() {
    }
}
