package news.storyline.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what no well-behaved client library lets a test send (raw brackets
 * and invalid UTF-8 in a URL, unknown methods, odd transfer codings, a body shorter than its length). One request
 * per connection unless {@link #exchange(Socket, byte[], boolean, Duration)} is used on an open socket.
 */
final class RawHttp {

    /** An answer as read off the wire; {@code status} 0 when the connection closed or timed out with none. */
    record Response(int status, Map<String, String> headers, byte[] body, long millis, boolean timedOut) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + header("content-type") + " " + bodyText();
        }
    }

    private RawHttp() {
    }

    static Response send(int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return exchange(socket, request, request.length > 5 && new String(request, 0, 5,
                    StandardCharsets.ISO_8859_1).startsWith("HEAD "), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response send(int port, String request, Duration timeout) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    static Response exchange(Socket socket, byte[] request, boolean head, Duration timeout) throws IOException {
        long started = System.nanoTime();
        socket.setSoTimeout((int) timeout.toMillis());
        OutputStream out = socket.getOutputStream();
        try {
            out.write(request);
            out.flush();
        } catch (IOException closedWhileSending) {
            // The server may answer and close before it read everything; the answer is still to be read.
        }
        InputStream in = socket.getInputStream();
        try {
            String head0 = readHead(in);
            if (head0 == null) {
                return new Response(0, Map.of(), new byte[0], elapsed(started), false);
            }
            String[] lines = head0.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
            byte[] body;
            if (head || status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = readChunked(in);
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body, elapsed(started), false);
        } catch (SocketTimeoutException noAnswer) {
            return new Response(0, Map.of(), new byte[0], elapsed(started), true);
        } catch (IOException reset) {
            return new Response(0, Map.of(), new byte[0], elapsed(started), false);
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                return body.toByteArray();
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
