package uz.karvon.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.lang.UzbekTransliterator;

@Command(name = "translit", mixinStandardHelpOptions = true,
        description = "Transliterate Uzbek text from standard input, line by line, to the other official script.")
final class TranslitCommand implements Callable<Integer> {
    enum Target { UZ_CYRL, UZ_LATN }

    @Option(names = "--to", required = true, paramLabel = "uz-Cyrl|uz-Latn", converter = TargetConverter.class,
            description = "target script: uz-Cyrl or uz-Latn")
    Target to;

    @Option(names = "--html", description = "input is HTML: convert text only, never tags, attributes or URLs")
    boolean html;

    @Override
    public Integer call() throws Exception {
        UzbekTransliterator t = UzbekTransliterator.standard();
        return LineFilter.run(line -> to == Target.UZ_CYRL
                ? (html ? t.htmlToCyrillic(line) : t.toCyrillic(line))
                : (html ? t.htmlToLatin(line) : t.toLatin(line)));
    }

    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "uz-cyrl": return Target.UZ_CYRL;
                case "uz-latn": return Target.UZ_LATN;
                default: throw new picocli.CommandLine.TypeConversionException("expected uz-Cyrl or uz-Latn, got '" + value + "'");
            }
        }
    }
}
