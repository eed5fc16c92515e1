package news.storyline.brief.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a stream's events to a Spring MVC {@link SseEmitter}, from the connection's one writer thread. */
final class SseSink implements EventSink {

    private static final String CUT_OFF = "cut-off";
    /** Server-Sent Events are UTF-8 by definition, whatever a converter's default. */
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(OutgoingEvent event) throws Gone {
        write(SseEmitter.event().id(Long.toString(event.id())).name(event.name())
                        .data(event.data(), UTF8_TEXT));
    }

    @Override
    public void sendCutOff(String reason, long resumeAfter) throws Gone {
        write(SseEmitter.event().name(CUT_OFF)
                        .data("{\"reason\":\"" + reason + "\",\"resumeAfter\":" + resumeAfter + "}",
                              UTF8_TEXT));
    }

    @Override
    public void heartbeat() throws Gone {
        write(SseEmitter.event().comment(" heartbeat"));
    }

    /** An emitter that the container already completed (the client left) refuses with an IllegalStateException. */
    private void write(SseEmitter.SseEventBuilder event) throws Gone {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            throw new Gone(e);
        }
    }
}
