package news.storyline.brief.query;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * Makes a processor start again from the first event in the store, as on a new installation: what an upgrade does,
 * at start-up before the processors run, to a read model whose stored shape changed.
 */
final class ProcessorTokens {

    private ProcessorTokens() {
    }

    /**
     * Deletes every token of {@code processor}. Deleting a token takes its claim: should another instance still be
     * running the processor, the claim is its own and this fails, saying {@code why} the tokens had to go, instead of
     * two instances writing the read model in two shapes.
     */
    static void deleteAll(TokenStore tokens, String processor, String why) {
        for (int segment : tokens.fetchSegments(processor)) {
            try {
                // Claims the token for this instance, which may delete only its own.
                tokens.fetchToken(processor, segment);
                tokens.deleteToken(processor, segment);
            } catch (UnableToClaimTokenException claimedElsewhere) {
                throw new IllegalStateException(why + ", but another instance holds its processor; stop it (or wait "
                                                + "for its claim to time out) and start again", claimedElsewhere);
            }
        }
    }
}
