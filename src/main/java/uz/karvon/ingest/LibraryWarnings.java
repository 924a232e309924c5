package uz.karvon.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import uz.karvon.ingest.fetch.Redact;

/**
 * Warnings ROME logs while one source's feed is parsed, taken on the parsing thread instead of logged. ROME's module
 * parsers log every odd attribute of every item with a stack trace, on every poll (a {@code media:content} with
 * {@code width="100%"}: nine log lines in ten of a five-minute run); the refresher reports what is taken here through
 * {@link ProblemLog}, once per source and kind of problem. Only warnings raised inside {@link #collect} on the same
 * thread are taken; ROME used anywhere else logs as configured.
 */
final class LibraryWarnings {
    private static final String ROME = "com.rometools";
    private static final int MAX_DISTINCT = 20;
    private static final ThreadLocal<Map<String, Warning>> SINK = new ThreadLocal<>();
    private static final Filter FILTER = new Filter();

    /** One kind of problem: its key (where it is logged and what failed, without the values), a sample, a count. */
    record Warning(String key, String text, int count) {}

    interface Body<T, E extends Exception> {
        T run() throws E;
    }

    private LibraryWarnings() {
    }

    /** Runs {@code body}; what ROME warned meanwhile on this thread is added to {@code into}, even if it throws. */
    static <T, E extends Exception> T collect(List<Warning> into, Body<T, E> body) throws E {
        install();
        Map<String, Warning> outer = SINK.get();
        Map<String, Warning> mine = new LinkedHashMap<>();
        SINK.set(mine);
        try {
            return body.run();
        } finally {
            if (outer == null) {
                SINK.remove();
            } else {
                SINK.set(outer);
            }
            into.addAll(mine.values());
        }
    }

    /** Again after a logging reconfiguration (which drops turbo filters); a no-op without logback. */
    private static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx && !ctx.getTurboFilterList().contains(FILTER)) {
            synchronized (LibraryWarnings.class) {
                if (!ctx.getTurboFilterList().contains(FILTER)) {
                    FILTER.setContext(ctx);
                    FILTER.start();
                    ctx.addTurboFilter(FILTER);
                }
            }
        }
    }

    private static final class Filter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            Map<String, Warning> sink = SINK.get();
            // format is null for isWarnEnabled(): answer those as usual, take the call that follows
            if (sink == null || format == null || level == null || !level.isGreaterOrEqual(Level.WARN)
                    || !logger.getName().startsWith(ROME)) {
                return FilterReply.NEUTRAL;
            }
            Throwable cause = t != null ? t : MessageFormatter.getThrowableCandidate(params);
            String where = logger.getName().substring(logger.getName().lastIndexOf('.') + 1);
            String key = where + ": " + format + (cause == null ? "" : " (" + cause.getClass().getName() + ")");
            Warning seen = sink.get(key);
            if (seen != null) {
                sink.put(key, new Warning(key, seen.text(), seen.count() + 1));
            } else if (sink.size() < MAX_DISTINCT) {
                String said = MessageFormatter.arrayFormat(format, params).getMessage();
                String text = "rome " + where + ": " + Redact.detail(said)
                        + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + Redact.detail(cause.getMessage()) + ")");
                sink.put(key, new Warning(key, text, 1));
            }
            return FilterReply.DENY;
        }
    }
}
