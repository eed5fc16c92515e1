package news.storyline.web.trust;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Puts a missing or unusable caller-token secret at the top of a failed start, not deep in a stack trace. */
class TrustNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<TrustNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TrustNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                                   "Set storyline.trust.secret-file (env STORYLINE_TRUST_SECRET_FILE) to a file holding "
                                   + "the secret the gateway signs caller tokens with, in base64 (openssl rand -base64 32).",
                                   cause);
    }
}
