package uz.karvon.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.lang.Detection;
import uz.karvon.lang.LanguageDetector;

@Command(name = "lang", mixinStandardHelpOptions = true,
        description = {"Detect the language of each line of standard input; prints one BCP 47 tag per line:"
                + " a language (uz-Latn, kaa-Cyrl, ru, zh-Hant …), or 'und' / 'und-<script>' (und-Cyrl) when the line is"
                + " too short, too close between two languages, or in a language karvon does not detect."})
final class LangCommand implements Callable<Integer> {
    @Option(names = "--confidence", description = "also print, tab-separated: the confidence, the runner-up"
            + " (for und: the best guess; '-' if none) and the margin between the two most probable answers")
    boolean confidence;

    @Override
    public Integer call() throws Exception {
        LanguageDetector detector = LanguageDetector.standard();
        return LineFilter.run(line -> {
            Detection d = detector.identify(line);
            return confidence ? String.format(Locale.ROOT, "%s\t%.2f\t%s\t%.2f", d.tag(), d.confidence(),
                    d.runnerUp() == null ? "-" : d.runnerUp(), d.margin()) : d.tag();
        });
    }
}
