package uz.karvon.config;

import java.util.List;

/**
 * What became of one attempt to apply feeds.yml while the server runs.
 *
 * @param problems why it was refused (each as {@code feeds.yml:LINE:COLUMN: message}); empty unless refused
 */
public record ReloadResult(Outcome outcome, List<String> problems) {
    public enum Outcome {
        /** The file differed from the running configuration and now runs. */
        APPLIED,
        /** The file is the configuration already running: nothing was done. */
        UNCHANGED,
        /** Invalid, or a drastic change not confirmed: the last good configuration keeps serving. */
        REFUSED
    }

    public ReloadResult {
        problems = List.copyOf(problems);
    }

    /** The file now runs (whether or not this attempt changed anything). */
    public boolean applied() {
        return outcome != Outcome.REFUSED;
    }
}
