package news.storyline.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, so that a stack never collides with a dev stack on 8080-8082 or with another run. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Asks the OS for {@code count} ports, holding every socket open until all are chosen so that no port is handed
     * out twice. Another process could still take one before the service binds it; the window is milliseconds.
     */
    static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on 127.0.0.1", e);
        } finally {
            held.forEach(LoopbackPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing was ever accepted on it; the port is free either way.
        }
    }
}
