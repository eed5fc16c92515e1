package news.storyline.api.source;

import java.util.List;

/**
 * A news source as the registry knows it.
 *
 * @param id      stable key ("afp")
 * @param name    the name to show ("Agence France-Presse")
 * @param aliases every way the newsroom writes it, in any language or script ("Франс прес", "АФП", "AFP")
 */
public record Source(String id, String name, List<String> aliases) {

    public Source {
        aliases = List.copyOf(aliases);
    }
}
