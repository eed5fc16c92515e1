package news.storyline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the bench files: a Bulgarian story whose request body is about 3.5 KB, the size of an agency story with a
 * few paragraphs (Cyrillic takes two bytes a character), so that the store's and the network's share is realistic.
 */
final class StoryText {

    static final String HEADLINE = "Кремъл: мирните преговори за Украйна трябва да продължат";
    static final String LEAD = "Говорителят на Кремъл заяви, че преговорите с посредничеството на САЩ трябва да "
            + "продължат, въпреки че позициите на страните остават далеч една от друга.";
    private static final String PARAGRAPH = "Делегациите се срещнаха за трети път този месец, съобщиха официални "
            + "представители. Разговорите продължиха до късно вечерта и според участниците са били трудни, но "
            + "полезни. Следващата среща ще бъде насрочена след консултации със съюзниците. ";
    /** Enough paragraphs for a body of ~3 KB in UTF-8. */
    static final String BODY = PARAGRAPH.repeat(7).strip();
    static final String PLACE = "Москва";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoryText() {
    }

    /** The body of {@code POST /api/stories}; {@code n} makes each headline distinct, as a newsroom's are. */
    static String filing(long n) {
        ObjectNode story = JSON.createObjectNode()
                               .put("headline", HEADLINE + " (" + n + ")")
                               .put("lead", LEAD)
                               .put("body", BODY)
                               .put("language", "bg");
        story.putObject("dateline").put("place", PLACE);
        return story.toString();
    }
}
