package uz.karvon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a configuration file and print every problem as FILE:LINE:COLUMN: message. Exit 0 when valid, 1 when not.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "feeds.yml", description = "configuration file (default: ${DEFAULT-VALUE})")
    Path file;

    @Override
    public Integer call() {
        try {
            KarvonConfig cfg = ConfigLoader.withSystemEnv().load(file);
            cfg.warnings().forEach(w -> System.out.println(file + ": warning: " + w));
            System.out.println(file + ": ok (" + cfg.feeds().size() + " feeds, " + cfg.sources().size() + " sources, "
                    + cfg.partners().size() + " partners)");
            return 0;
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.out.println(p));
            System.out.println(file + ": " + e.problems().size() + " problem(s)");
            return 1;
        }
    }
}
