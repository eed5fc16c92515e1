package news.storyline.story.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.storyline.story.web.BufferedBodyRequest;
import news.storyline.story.web.WriteRequests;
import news.storyline.trust.Caller;
import news.storyline.web.FilterProblems;
import news.storyline.web.ProblemType;
import news.storyline.web.StoreOutages;
import news.storyline.web.trust.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Honours {@code Idempotency-Key} on every write — POST, PUT, DELETE, PATCH — (draft-ietf-httpapi-idempotency-key-header),
 * so that a client may retry a write whose answer it never got. The first request with a key runs and its answer is kept; a retry with the same
 * key and body gets that answer again, marked {@code Idempotency-Replayed: true}, and nothing runs twice. A retry
 * that arrives while the first request still runs waits for its answer, for a bounded time. An answer of 5xx (or
 * an exception) lets the key go, so that a retry runs again; a 4xx is kept, since the same request would be refused
 * again. The write finds its {@link IdempotencyScope} in a request attribute and derives what it creates from it,
 * so that an attempt that ran again (after a 5xx, or after its first holder crashed) cannot create a twin.
 * <p>
 * The body must be within the service's limit before this filter reads it (see {@code RequestBodyLimitFilter}),
 * and the writes answer synchronously, so the answer is complete when the chain returns.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    private static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** This service instance, as the holder of the claims it makes. */
    private static final String INSTANCE = UUID.randomUUID().toString();

    private final IdempotencyStore store;
    /**
     * The keys that a request of this instance is claiming or running now, each with that request: one at a time per
     * key, so that a pending claim of this instance that no request here holds is known to be one no request runs for
     * any more (it could not be let go, the database being down).
     */
    private final Map<IdempotencyScope, Object> claimedHere = new ConcurrentHashMap<>();
    private final IdempotencyProperties properties;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, ObjectMapper json) {
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WriteRequests.isWrite(request) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(request.getHeader(KEY_HEADER), properties.maxKeyLength());
        } catch (IdempotencyKey.MalformedKeyException malformed) {
            FilterProblems.write(IdempotencyProblems.malformedKey(malformed), request, response, json);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(body);
        IdempotencyScope scope = new IdempotencyScope(key.value(), callerOf(request), request.getMethod(),
                                                      request.getRequestURI());
        try {
            claimRunOrReplay(scope, fingerprint, new BufferedBodyRequest(request, body), response, chain);
        } catch (RuntimeException failure) {
            if (!StoreOutages.causedAnyOf(failure) || response.isCommitted()) {
                throw failure;
            }
            StoreOutages.write(request, response, json); // the key could not be looked up or claimed: nothing ran
        }
    }

    private void claimRunOrReplay(IdempotencyScope scope, String fingerprint, HttpServletRequest request,
                                  HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + properties.waitFor().toNanos();
        do {
            Object thisRequest = new Object();
            Optional<IdempotencyRecord> held;
            if (claimedHere.putIfAbsent(scope, thisRequest) == null) {
                try {
                    held = store.find(scope);
                    if (held.isPresent() && !held.get().isAnswered() && INSTANCE.equals(held.get().holder())) {
                        store.releaseClaimOf(scope, INSTANCE);
                        held = store.find(scope);
                    }
                    if (held.isEmpty() && store.tryClaim(scope, fingerprint, INSTANCE)) {
                        request.setAttribute(IdempotencyScope.ATTRIBUTE, scope);
                        runAndKeep(scope, request, response, chain);
                        return;
                    }
                } finally {
                    claimedHere.remove(scope, thisRequest);
                }
            } else {
                held = store.find(scope); // another request of this instance claims or runs the key
            }
            if (held.isPresent() && !held.get().requestFingerprint().equals(fingerprint)) {
                FilterProblems.write(IdempotencyProblems.keyReused(), request, response, json);
                return;
            }
            if (held.isPresent() && held.get().isAnswered()) {
                replay(held.get().response(), response);
                return;
            }
        } while (pausedBefore(deadline));
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        FilterProblems.write(IdempotencyProblems.inProgress(), request, response, json);
    }

    private void runAndKeep(IdempotencyScope scope, HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!StoreOutages.causedAnyOf(failure)) { // with the database gone, the claim stays (see below)
                store.release(scope);
            }
            throw failure;
        }
        // Should keeping the answer fail (the database went away after the write), the client still gets the
        // answer: the write ran. The key stays pending until a retry takes it over, and the write itself refuses
        // to run twice (a filing's derived id, a change's If-Match).
        try {
            if (answer.getStatus() == ProblemType.UNAVAILABLE.status().value()) {
                // The database is gone (the only 503 here): letting the key go would wait out the driver's timeout
                // once more before the client hears back. The claim stays pending; a retry takes it over.
                log.debug("Idempotency-Key {} stays claimed: the database is unavailable", scope.key());
            } else if (answer.getStatus() >= 500) {
                store.release(scope);
            } else {
                store.complete(scope, keep(answer));
            }
        } catch (RuntimeException keepingFailed) {
            log.warn("Could not keep the answer to Idempotency-Key {} of {}; the answer goes out all the same: {}",
                     scope.key(), scope.caller(), keepingFailed.toString());
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private static StoredResponse keep(ContentCachingResponseWrapper answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = answer.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (answer.getContentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, answer.getContentType());
        }
        return new StoredResponse(answer.getStatus(), headers, answer.getContentAsByteArray());
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** @return whether there is time left to look again, having waited one poll interval */
    private boolean pausedBefore(long deadline) {
        try {
            Thread.sleep(properties.pollEvery().toMillis());
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return false;
        }
        return System.nanoTime() < deadline;
    }

    /** A key belongs to whoever sent it: the caller the gateway vouched for (verified by an earlier filter). */
    private static String callerOf(HttpServletRequest request) {
        return Callers.of(request).map(Caller::subject).orElseThrow(() -> new IllegalStateException(
                "No verified caller: the caller-trust filter must run before the idempotency filter"));
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
