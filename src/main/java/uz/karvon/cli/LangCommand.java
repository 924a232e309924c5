package uz.karvon.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Optional<Detection> d = detector.detect(line);
            String tag = d.map(Detection::tag).orElse("und");
            out.println(confidence ? tag + "\t" + d.map(x -> String.format(java.util.Locale.ROOT, "%.2f", x.confidence())).orElse("0.00") : tag);
        }
        return 0;
    }
}
