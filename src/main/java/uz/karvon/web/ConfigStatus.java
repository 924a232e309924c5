package uz.karvon.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** What /health and the status page say about feeds.yml: which file, when it was last applied, current errors. */
public final class ConfigStatus {
    public record State(Path file, Instant appliedAt, List<String> errors, List<String> warnings) {}

    private final AtomicReference<State> state;

    public ConfigStatus(Path file, Instant appliedAt, List<String> warnings) {
        this.state = new AtomicReference<>(new State(file, appliedAt, List.of(), List.copyOf(warnings)));
    }

    public State get() {
        return state.get();
    }

    public void applied(Instant at, List<String> warnings) {
        state.updateAndGet(s -> new State(s.file(), at, List.of(), List.copyOf(warnings)));
    }

    public void rejected(List<String> errors) {
        state.updateAndGet(s -> new State(s.file(), s.appliedAt(), List.copyOf(errors), s.warnings()));
    }
}
