package news.storyline.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import news.storyline.trust.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests, sent byte for byte: malformed request lines and targets, path traversal, encoded
 * slashes and NULs, invalid and overlong UTF-8, lone surrogates, odd methods, oversized and duplicated headers, odd
 * transfer and content codings, bodies that are not UTF-8 or never arrive whole, bad, expired, forged, unsigned and
 * malformed tokens, and wrong roles. Every one must get a {@code 4xx} problem+json from the gateway itself, with the
 * correlation id, and reach no service (so nothing can be written). What the services refuse (bodies, parameter
 * values) is their own tests' business; the gateway passes those on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "storyline.requests.body-timeout=1s",
        "storyline.rate-limits.reads.capacity=100000",
        "storyline.rate-limits.writes.capacity=100000"})
class HostileRequestsTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    private record Case(String name, byte[] request) {
    }

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndReachesNoService() {
        List<Case> corpus = corpus();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Case hostile : corpus) {
            STORY.reset();
            BRIEF.reset();
            RawHttp.Response response = RawHttp.send(port, hostile.request(), PATIENCE);
            statuses.merge(response.status(), 1, Integer::sum);
            String failure = check(response, hostile.request());
            int forwarded = STORY.received().size() + BRIEF.received().size();
            if (forwarded > 0) {
                failure = (failure == null ? "" : failure + "; ") + "forwarded to a service";
            }
            if (failure != null) {
                failures.add(hostile.name() + ": " + failure + " [" + response + "]");
            }
        }
        System.out.printf("hostile requests: %d, answered by status: %s, failures: %d%n",
                corpus.size(), statuses, failures.size());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(400);
        assertThat(failures).isEmpty();
    }

    /** Why an answer is not a well-formed client-error problem, or null when it is. */
    private static String check(RawHttp.Response response, byte[] request) {
        if (response.timedOut()) {
            return "no answer within " + PATIENCE.toSeconds() + " s";
        }
        if (response.status() < 400 || response.status() > 499) {
            return "status " + response.status();
        }
        if (!"application/problem+json".equals(response.header("content-type"))) {
            return "content type " + response.header("content-type");
        }
        if (new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ")) {
            return null; // the same answer as to a GET, without the body
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").asText().startsWith("https://storyline.news/problems/")
                    || problem.path("title").asText().isBlank() || problem.path("detail").asText().isBlank()
                    || problem.path("status").asInt() != response.status()) {
                return "incomplete problem";
            }
            if (!problem.path("correlationId").asText().equals(response.header("x-correlation-id"))) {
                return "no correlation id";
            }
            if (!"nosniff".equals(response.header("x-content-type-options"))) {
                return "no security headers";
            }
        } catch (IOException notJson) {
            return "body is not JSON";
        }
        return null;
    }

    private static List<Case> corpus() {
        List<Case> corpus = new ArrayList<>();
        String editor = TestTokens.bearer(ALL_ROLES);

        // Paths: every kind of route, with each hostile segment where an id or slug goes.
        List<String[]> pathRoutes = List.of(
                new String[] {"GET", "/api/stories/{}"}, new String[] {"GET", "/api/stories/{}/history"},
                new String[] {"GET", "/api/threads/{}/timeline"}, new String[] {"GET", "/api/sources/{}/stories"},
                new String[] {"HEAD", "/api/threads/{}"}, new String[] {"PUT", "/api/stories/{}"},
                new String[] {"POST", "/api/stories/{}/links"}, new String[] {"DELETE", "/api/stories/x/links/{}"},
                new String[] {"POST", "/api/threads/{}/closure"}, new String[] {"GET", "/api/admin/rebuilds/{}"},
                new String[] {"GET", "/api/threads/{}/live"});
        List<String> segments = List.of("..", "%2e%2e", "%2E", ".", "a/../../admin", "%2F", "a%2Fb", "%5C", "a%5Cb",
                "a\\b", "%00", "a%00b", "%0A", "%0D%0Ax:y", "%7F", "%C0%AF", "%C0%80", "%E0%80%AF", "%C1%BF",
                "%ED%A0%80", "%ED%BF%BF", "%FF", "%FE%FF", "%F8%88%80%80%80", "%E2%82", "%zz", "%", "%4", "%25",
                "%252e%252e", ";jsessionid=1", "x;a=b", "[", "]", "{\"$gt\":\"\"}", "<script>", "\"x\"", "a|b",
                "a^b", "a`b", "{", "}", "x//y", "\u00e9", "\u00c3\u00a9", "\u00ff");
        for (String[] route : pathRoutes) {
            for (String segment : segments) {
                corpus.add(request(route[0] + " " + route[1] + " with " + segment, route[0],
                        route[1].replace("{}", segment), editor, Map.of(), null));
            }
        }
        // Query parameters: only what is not a well-formed, UTF-8, percent-encoded query (values are the services').
        List<String> queries = List.of("limit=[1]", "q=a[0]", "q=]", "asOf=%C0%AF", "after=%zz", "minVersion=%00",
                "cursor=<x>", "q=a%0Ab", "q=\"x\"", "q={\"$where\":\"1\"}", "q=%FF", "thread=%ED%A0%80", "q=a|b",
                "q=a b", "q=%", "q=\u00e9", "q=a#b", "q=%E2%82");
        for (String path : List.of("/api/briefs", "/api/threads/t/timeline", "/api/search", "/api/events",
                "/api/stories/x")) {
            for (String query : queries) {
                if (query.contains(" ")) {
                    continue; // a raw space ends the target: sent below as a malformed request line
                }
                corpus.add(request("GET " + path + "?" + query, "GET", path + "?" + query, editor, Map.of(), null));
            }
        }

        // Methods no route takes.
        for (String method : List.of("TRACE", "TRACK", "FOO", "PROPFIND", "get", "DEBUG", "M-SEARCH")) {
            for (String path : List.of("/api/stories", "/api/briefs", "/api/admin/rebuilds", "/actuator/health")) {
                corpus.add(request(method + " " + path, method, path, editor, Map.of(), null));
            }
        }

        // Request lines and framing the HTTP server cannot take.
        for (String raw : List.of("GARBAGE\r\n\r\n", "\u0001\u0002\u0003 x\r\n\r\n", "GET\r\n\r\n",
                "GET /api/briefs\r\nHost: x\r\n\r\n", "GET /api/br iefs HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/briefs HTTP/1.1\r\n\r\n", "GET /api/briefs HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "GET ftp://x/api/briefs HTTP/1.1\r\nHost: x\r\n\r\n", "GET api/briefs HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/briefs HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
                "GET /api/briefs HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n",
                "GET /api/briefs HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n",
                "GET /api/briefs HTTP/1.1\r\nHost: x\r\nX-A: a\u0007b\r\n\r\n",
                "GET /api/briefs?q=a b HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/stories HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
                "POST /api/stories HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}",
                "POST /api/stories HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/stories/" + "a".repeat(50_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/briefs?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")) {
            corpus.add(new Case("raw " + abbreviate(raw), raw.getBytes(StandardCharsets.ISO_8859_1)));
        }

        // Headers: too large, too many, duplicated, odd codings, Idempotency-Keys no service can agree on.
        String big = "a".repeat(17 * 1024);
        List<Map<String, String>> headerSets = List.of(
                Map.of("X-Big", big), Map.of("X-Big", "a".repeat(25 * 1024)), Map.of("X-Big", "a".repeat(40 * 1024)),
                Map.of("X-A", "a".repeat(9000), "X-B", "b".repeat(9000)),
                Map.of("Content-Encoding", "gzip"), Map.of("Content-Encoding", "br"),
                Map.of("Content-Encoding", "deflate"), Map.of("Content-Encoding", "gzip, identity"),
                Map.of("Content-Encoding", "x-unknown"),
                Map.of("Transfer-Encoding", "gzip, chunked"), Map.of("Transfer-Encoding", "gzip"),
                Map.of("Transfer-Encoding", "chunked, chunked"), Map.of("Transfer-Encoding", "xchunked"),
                Map.of("Transfer-Encoding", "identity"), Map.of("Transfer-Encoding", "deflate, chunked"),
                Map.of("Idempotency-Key", "k\u00ff"), Map.of("Idempotency-Key", "ключ"),
                Map.of("Idempotency-Key", "k\u0080x"), Map.of("Idempotency-Key", " "),
                Map.of("Idempotency-Key", "a\tb"),
                Map.of("Content-Type", ";;;"), Map.of("Content-Type", "application/"),
                Map.of("Content-Type", "json"));
        for (Map<String, String> headers : headerSets) {
            for (String[] write : List.of(new String[] {"POST", "/api/stories"}, new String[] {"PUT", "/api/stories/x"},
                    new String[] {"POST", "/api/threads"})) {
                corpus.add(request(write[0] + " " + write[1] + " with " + abbreviate(headers.toString()), write[0],
                        write[1], editor, headers, "{}"));
            }
        }
        StringBuilder many = new StringBuilder("GET /api/briefs HTTP/1.1\r\nHost: x\r\nAuthorization: " + editor
                + "\r\n");
        for (int i = 0; i < 2000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        corpus.add(new Case("2000 headers", (many + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        corpus.add(new Case("two Idempotency-Keys", ("POST /api/stories HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + editor + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\r\nIdempotency-Key: b\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1)));

        // Bodies: not UTF-8, larger than allowed, or never arriving whole.
        List<byte[]> badUtf8 = List.of(bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80),
                bytes(0xFF), bytes(0xC3), bytes(0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xC1, 0x81));
        for (byte[] bad : badUtf8) {
            for (String[] write : List.of(new String[] {"POST", "/api/stories"}, new String[] {"PUT", "/api/stories/x"},
                    new String[] {"POST", "/api/admin/webhooks"})) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes("{\"headline\": \"a".getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bad);
                body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
                corpus.add(new Case(write[0] + " " + write[1] + " body with bytes " + hex(bad),
                        request(write[0], write[1], TestTokens.bearer(ALL_ROLES), Map.of(), body.toByteArray())));
            }
        }
        byte[] oversize = ("{\"body\": \"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        corpus.add(new Case("body over 1 MiB", request("POST", "/api/stories", editor, Map.of(), oversize)));
        corpus.add(new Case("body declared over 1 MiB", ("POST /api/stories HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + editor + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{}")
                .getBytes(StandardCharsets.ISO_8859_1)));
        corpus.add(new Case("chunked body over 1 MiB", chunked("POST", "/api/stories", editor, oversize)));
        for (String[] write : List.of(new String[] {"POST", "/api/stories"}, new String[] {"PUT", "/api/stories/x"})) {
            for (String key : List.of("", "Idempotency-Key: k-short\r\n")) {
                corpus.add(new Case(write[0] + " body shorter than its length " + key.trim(), (write[0] + " "
                        + write[1] + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + editor + "\r\n" + key
                        + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"headline\":")
                        .getBytes(StandardCharsets.ISO_8859_1)));
            }
        }

        // Tokens: none, malformed, forged, expired, unsigned, wrongly shaped claims.
        for (String authorization : hostileAuthorizations()) {
            for (String[] route : List.of(new String[] {"GET", "/api/briefs"}, new String[] {"POST", "/api/stories"},
                    new String[] {"POST", "/api/admin/rebuilds"}, new String[] {"GET", "/api/events"})) {
                corpus.add(request(route[0] + " " + route[1] + " with " + abbreviate(String.valueOf(authorization)),
                        route[0], route[1], authorization, Map.of(), route[0].equals("POST") ? "{}" : null));
            }
        }

        // Wrong roles.
        for (String[] route : List.of(new String[] {"POST", "/api/stories", Roles.READER},
                new String[] {"PUT", "/api/threads/t", Roles.ADMIN}, new String[] {"DELETE", "/api/stories/x/links/t",
                        Roles.SUBSCRIBER}, new String[] {"POST", "/api/admin/rebuilds", Roles.EDITOR},
                new String[] {"POST", "/api/admin/webhooks", Roles.READER}, new String[] {"GET", "/api/events",
                        Roles.READER}, new String[] {"GET", "/api/events/stream", Roles.EDITOR},
                new String[] {"GET", "/api/briefs", Roles.SUBSCRIBER}, new String[] {"GET", "/actuator/prometheus",
                        Roles.EDITOR})) {
            corpus.add(request(route[0] + " " + route[1] + " as " + route[2], route[0], route[1],
                    TestTokens.bearer(route[2]), Map.of(), route[0].equals("GET") ? null : "{}"));
        }
        return corpus;
    }

    static List<String> hostileAuthorizations() {
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add("");
        tokens.add("Bearer");
        tokens.add("Bearer ");
        tokens.add("Basic ZWRpdG9yOmVkaXRvcg==");
        tokens.add("Bearer not.a.jwt");
        tokens.add("Bearer " + "a".repeat(5000));
        tokens.add("Bearer ...");
        tokens.add("Bearer " + TestTokens.expired(ALL_ROLES));
        tokens.add("Bearer " + TestTokens.signedWithAnotherSecret(ALL_ROLES));
        tokens.add("Bearer " + TestTokens.unsigned(ALL_ROLES));
        tokens.add("Bearer " + TestTokens.withoutSubject(ALL_ROLES));
        tokens.add("Bearer " + unsignedWithHs256Header());
        JWTClaimsSet valid = TestTokens.claims("local-hostile", now, Duration.ofMinutes(10), ALL_ROLES);
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", List.of(List.of("editor")))
                .build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", "editor").build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", "editor reader admin").build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", List.of(1, 2)).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", Map.of("editor", true))
                .build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("roles", java.util.Arrays.asList(
                "editor", null)).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).issuer(null).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).issuer("someone-else").build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).subject(" ").build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).subject("s".repeat(1000)).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("name", "n".repeat(5000)).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("name", Map.of("a", 1)).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).notBeforeTime(Date.from(
                now.plus(Duration.ofHours(1)))).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).expirationTime(null).build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("exp", "tomorrow").build()));
        tokens.add("Bearer " + signed(new JWTClaimsSet.Builder(valid).claim("exp", Long.MAX_VALUE).build()));
        tokens.add("Bearer " + signedWith(JWSAlgorithm.HS512, valid));
        return tokens;
    }

    private static String signed(JWTClaimsSet claims) {
        return signedWith(JWSAlgorithm.HS256, claims);
    }

    private static String signedWith(JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            byte[] secret = algorithm == JWSAlgorithm.HS512 ? java.util.Arrays.copyOf(TestTokens.JWT_SECRET, 64)
                    : TestTokens.JWT_SECRET;
            return TestTokens.sign(new MACSigner(secret), new JWSHeader.Builder(algorithm).build(), claims);
        } catch (com.nimbusds.jose.KeyLengthException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header that says HS256 over claims that say editor, with no signature at all. */
    private static String unsignedWithHs256Header() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(TestTokens.claims("local-none", Instant.now(), Duration.ofMinutes(10),
                ALL_ROLES).toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static Case request(String name, String method, String target, String authorization,
            Map<String, String> headers, String body) {
        return new Case(name, request(method, target, authorization, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] request(String method, String target, String authorization, Map<String, String> headers,
            byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: x\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        boolean chunked = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Transfer-Encoding"));
        if (body != null) {
            if (!headers.containsKey("Content-Type")) {
                head.append("Content-Type: application/json\r\n");
            }
            if (!chunked) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            if (chunked) {
                out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(body);
                out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes(body);
            }
        }
        return out.toByteArray();
    }

    private static byte[] chunked(String method, String target, String authorization, byte[] body) {
        return request(method, target, authorization, Map.of("Transfer-Encoding", "chunked"), body);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }

    private static String abbreviate(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", c) : (char) c));
        String oneLine = escaped.toString();
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    /** A keyed write right after a 429 on the same connection is answered at once, not after a hang. */
    @Test
    void aKeyedWriteAfterARefusedOneOnTheSameConnectionIsAnsweredPromptly() throws IOException {
        String editor = TestTokens.bearer(ALL_ROLES);
        byte[] refused = request("PUT", "/api/stories/x", editor, Map.of("Idempotency-Key", "k-1",
                "Content-Encoding", "gzip"), "{\"headline\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        byte[] fine = request("PUT", "/api/stories/x", editor, Map.of("Idempotency-Key", "k-2",
                "If-Match", "\"1\""), "{\"headline\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            RawHttp.Response first = RawHttp.exchange(socket, refused, false, PATIENCE);
            assertThat(first.status()).isEqualTo(415);
            if (!"close".equalsIgnoreCase(first.header("connection"))) {
                RawHttp.Response second = RawHttp.exchange(socket, fine, false, PATIENCE);
                assertThat(second.timedOut()).isFalse();
                assertThat(second.status()).isIn(200, 0);
            }
        }
    }
}
