package news.storyline.brief.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a lead to a teaser as the agency's news lists do: the first words of the lead (twenty on the seed page),
 * never more than a set number of characters, cut between words, with "..." only when something was cut.
 */
@Component
public class Teasers {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final String ELLIPSIS = "...";
    /** Punctuation that reads badly right before the ellipsis ("Израел,..."). */
    private static final String DANGLING = ",;:–—-";

    private final int maxWords;
    private final int maxChars;

    public Teasers(Settings settings) {
        this.maxWords = settings.maxWords();
        this.maxChars = settings.maxChars();
    }

    public String of(String lead) {
        String text = lead.strip();
        Matcher words = WORD.matcher(text);
        int count = 0;
        int end = 0;
        while (words.find()) {
            if (count == maxWords || words.end() > maxChars) {
                return cut(text, end);
            }
            count++;
            end = words.end();
        }
        return text;
    }

    private String cut(String text, int end) {
        String kept = end > 0 ? text.substring(0, end)
                // one word longer than the limit: cut inside it, between whole characters
                : text.substring(0, text.offsetByCodePoints(0, maxChars));
        while (!kept.isEmpty() && DANGLING.indexOf(kept.charAt(kept.length() - 1)) >= 0) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return kept.stripTrailing() + ELLIPSIS;
    }

    /** {@code storyline.briefs.teaser.*}: how much of a lead a teaser keeps. */
    @ConfigurationProperties("storyline.briefs.teaser")
    public record Settings(int maxWords, int maxChars) {

        public Settings {
            maxWords = maxWords <= 0 ? 20 : maxWords;
            maxChars = maxChars <= 0 ? 200 : maxChars;
        }
    }
}
