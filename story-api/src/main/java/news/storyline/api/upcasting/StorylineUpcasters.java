package news.storyline.api.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the published language, in order: what a service reading stored events registers. */
public final class StorylineUpcasters {

    private StorylineUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(EditorAsObjectUpcaster.storyFiled(), EditorAsObjectUpcaster.storyUpdated());
    }
}
