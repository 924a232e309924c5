package uz.karvon.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** Standard input to standard output, one UTF-8 line at a time, for the small text commands (lang, translit). */
final class LineFilter {
    private LineFilter() {
    }

    static int run(UnaryOperator<String> perLine) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            out.println(perLine.apply(line));
        }
        return 0;
    }
}
