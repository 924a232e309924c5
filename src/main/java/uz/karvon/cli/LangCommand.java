package uz.karvon.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.lang.Detection;
import uz.karvon.lang.LanguageDetector;

@Command(name = "lang", mixinStandardHelpOptions = true,
        description = "Detect the language of each line of standard input; prints one BCP 47 tag per line ('und' when unsure).")
final class LangCommand implements Callable<Integer> {
    @Option(names = "--confidence", description = "also print the confidence after a tab")
    boolean confidence;

    @Override
    public Integer call() throws Exception {
        LanguageDetector detector = LanguageDetector.standard();
        return LineFilter.run(line -> {
            Optional<Detection> d = detector.detect(line);
            String tag = d.map(Detection::tag).orElse("und");
            return confidence ? tag + "\t" + d.map(x -> String.format(Locale.ROOT, "%.2f", x.confidence())).orElse("0.00") : tag;
        });
    }
}
