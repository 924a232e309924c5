package uz.karvon.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Warnings about sources that would repeat on every poll: one line per source per distinct problem, repeated at most
 * once per {@code every} (time from the injected clock), never a stack trace.
 */
final class ProblemLog {
    /** Past this many remembered (source, problem) pairs, the ones already due again are forgotten. */
    private static final int MAX_REMEMBERED = 50_000;

    private final Logger log;
    private final Clock clock;
    private final Duration every;
    private final ConcurrentHashMap<String, Instant> lastLogged = new ConcurrentHashMap<>();

    ProblemLog(Logger log, Clock clock, Duration every) {
        this.log = log;
        this.clock = clock;
        this.every = every;
    }

    /** Logs {@code line} for {@code sourceId} unless the same {@code problem} was logged for it less than {@code every} ago. */
    void warn(String sourceId, String problem, String line) {
        Instant now = clock.instant();
        boolean[] due = {false};
        lastLogged.compute(sourceId + '\n' + problem, (k, last) -> {
            if (last != null && now.isBefore(last.plus(every))) return last;
            due[0] = true;
            return now;
        });
        if (!due[0]) return;
        log.warn("source {}: {} (not logged again for {})", sourceId, line, describe(every));
        if (lastLogged.size() > MAX_REMEMBERED) {
            lastLogged.values().removeIf(t -> !now.isBefore(t.plus(every)));
            if (lastLogged.size() > MAX_REMEMBERED) lastLogged.clear();
        }
    }

    private static String describe(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
