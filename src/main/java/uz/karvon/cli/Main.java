package uz.karvon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar karvon.jar <command>}: the one entry point. */
@Command(name = "karvon", mixinStandardHelpOptions = true, version = "karvon 0.1.0",
        description = "Multilingual RSS/Atom/JSON Feed publisher and aggregator.",
        subcommands = {ServeCommand.class, ImportCommand.class, MigrateDbCommand.class, ValidateCommand.class,
                ParseCommand.class, TranslitCommand.class, LangCommand.class, ClusterCommand.class, SourcesCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
