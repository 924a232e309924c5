package uz.karvon.ingest.hostile;

import java.io.IOException;
import java.util.Objects;

/**
 * One upstream behaviour of the hostile lab, served at {@code /case/<id>}: what it does, what a robust aggregator
 * does with it, and the outcome a test must see for the source that follows it.
 *
 * @param id        stable name
 * @param path      where the lab serves it ({@code /case/<id>}, or {@code /healthy/<n>.rss} for a healthy feed)
 * @param category  xml, json, transport, redirect, status, encoding, data or healthy
 * @param attacks   what the response does
 * @param expected  what a robust aggregator does about it
 * @param outcome   the per-source outcome a test asserts
 * @param responder writes the response
 */
public record HostileCase(String id, String path, String category, String attacks, String expected, Outcome outcome,
                          Responder responder) {

    /** What must become of a source following the case. */
    public enum Outcome {
        /** A clear per-source error; nothing from this response published. */
        ERROR,
        /** Parsed and published correctly. */
        OK,
        /** Either OK or a clean per-source error. */
        EITHER,
        /** A redirect followed, then published. */
        REDIRECT_OK
    }

    /** Writes one response to one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(Exchange x) throws IOException;
    }

    public HostileCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(responder, "responder");
    }

    /** A case at {@code /case/<id>}. */
    static HostileCase of(String id, String category, String attacks, String expected, Outcome outcome,
                          Responder responder) {
        return new HostileCase(id, "/case/" + id, category, attacks, expected, outcome, responder);
    }

    /** A case whose response is a fixed 200 body (the common shape), built per request. */
    static HostileCase body(String id, String category, String attacks, String expected, Outcome outcome,
                            String contentType, BodyBuilder body) {
        return of(id, category, attacks, expected, outcome, x -> x.send(200, contentType, body.build(x)));
    }

    /** Builds a 200 body; may read the lab's state (base URL, canary file, healthy bucket). */
    @FunctionalInterface
    interface BodyBuilder {
        byte[] build(Exchange x);
    }
}
