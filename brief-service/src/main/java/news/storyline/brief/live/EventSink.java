package news.storyline.brief.live;

/** Where one connection's writer writes: the SSE response. */
interface EventSink {

    void send(OutgoingEvent event) throws Gone;

    /** The final event of a stream the server ends; it carries no id, so the client's last event id stays. */
    void sendCutOff(String reason, long resumeAfter) throws Gone;

    void heartbeat() throws Gone;

    /** The client is gone: nothing more can be written. */
    final class Gone extends Exception {

        Gone(Throwable cause) {
            super(cause);
        }
    }
}
