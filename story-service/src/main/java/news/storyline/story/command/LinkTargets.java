package news.storyline.story.command;

import news.storyline.api.story.LinkTarget;

/** Whether a story may be linked to a target: the thread must be open, the story must exist. */
public interface LinkTargets {

    /**
     * @throws LinkNotFoundException when no such thread or story exists
     * @throws ThreadClosedException when the thread no longer takes stories
     */
    void requireLinkable(LinkTarget target);
}
