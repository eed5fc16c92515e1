package news.storyline.story.command;

/**
 * Editors count revisions from 1 (the filing); Axon counts events from 0. The API speaks the editors' numbers;
 * this is the one place that translates.
 */
public final class StoryVersions {

    private StoryVersions() {
    }

    public static long publicVersion(long axonVersion) {
        return axonVersion + 1;
    }

    public static long axonVersion(long publicVersion) {
        return publicVersion - 1;
    }
}
