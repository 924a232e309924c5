package uz.karvon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.SourcesAppender;
import uz.karvon.config.SourcesOpml;

/** {@code karvon sources import-opml FILE} and {@code karvon sources export-opml}: many sources at once. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Add sources from an OPML file to feeds.yml, or write the configured sources as OPML.",
        subcommands = {SourcesCommand.ImportOpml.class, SourcesCommand.ExportOpml.class})
final class SourcesCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("karvon sources: give a subcommand: import-opml FILE, or export-opml");
    }

    @Command(name = "import-opml", mixinStandardHelpOptions = true,
            description = {"Append the feeds an OPML file lists to the sources of feeds.yml (ids derived from their titles;"
                    + " feeds already configured are skipped). The new file is validated before it is written, and every"
                    + " comment and line of the old one is kept. A running server picks the change up by itself.",
                    "Exit 0 when sources were added or none were new, 1 when the OPML or the result is invalid (nothing is written)."})
    static final class ImportOpml implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "an OPML file (what feed readers export)")
        Path opml;

        @Option(names = "--config", defaultValue = "feeds.yml", description = "configuration file (default: ${DEFAULT-VALUE})")
        Path config;

        @Option(names = "--dry-run", description = "print what would be added; write nothing")
        boolean dryRun;

        @Option(names = "--skip-invalid", description = "import the usable outlines even if others are invalid (default: import nothing then)")
        boolean skipInvalid;

        @Override
        public Integer call() {
            try {
                String name = config.getFileName().toString();
                ConfigLoader loader = ConfigLoader.withSystemEnv();
                KarvonConfig before = loader.load(config);
                byte[] bytes = Files.readAllBytes(opml);
                SourcesOpml.Read read = SourcesOpml.read(opml.getFileName().toString(), bytes);
                read.warnings().forEach(p -> System.err.println("karvon sources: warning: " + p));
                read.errors().forEach(p -> System.err.println("karvon sources: " + p));
                if (!read.errors().isEmpty() && !skipInvalid) {
                    System.err.println("karvon sources: " + read.errors().size() + " outline(s) cannot become sources; nothing"
                            + " was written (fix them, or import the others with --skip-invalid)");
                    return 1;
                }
                List<SourcesAppender.NewSource> wanted = read.outlines().stream()
                        .map(o -> new SourcesAppender.NewSource(o.title(), o.url(), o.language())).toList();
                String text = Files.readString(config, StandardCharsets.UTF_8);
                SourcesAppender.Result r = SourcesAppender.append(name, text, before.sources(), wanted);
                r.skipped().forEach(u -> System.out.println("skipped (already a source): " + u));
                if (r.added().isEmpty()) {
                    System.out.println(opml + ": no new sources (" + read.outlines().size() + " feed(s) in the file)");
                    return 0;
                }
                // the whole new file must load, exactly as the server would read it
                loader.parse(name, r.text(), config.toAbsolutePath().getParent());
                if (dryRun) {
                    System.out.println("would add " + r.added().size() + " source(s): " + String.join(", ", r.added()));
                    return 0;
                }
                write(config, r.text());
                System.out.println("added " + r.added().size() + " source(s) to " + config + ": " + String.join(", ", r.added()));
                System.out.println("they are fetched from now on; to publish their items, list their ids under a feed's sources:");
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(p -> System.err.println("karvon sources: " + p));
                System.err.println("karvon sources: nothing was written");
                return 1;
            } catch (NoSuchFileException e) {
                System.err.println("karvon sources: no such file: " + e.getFile());
                return 1;
            } catch (IOException e) {
                System.err.println("karvon sources: " + e.getMessage());
                return 1;
            }
        }

        /** Beside the file, then moved over it: a reader (the running server) sees the old file or the new one, never half. */
        private static void write(Path file, String text) throws IOException {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @Command(name = "export-opml", mixinStandardHelpOptions = true,
            description = "Write the sources of feeds.yml as OPML 2.0 (to stdout, or --output FILE).")
    static final class ExportOpml implements Callable<Integer> {
        @Option(names = "--config", defaultValue = "feeds.yml", description = "configuration file (default: ${DEFAULT-VALUE})")
        Path config;

        @Option(names = "--output", description = "write here instead of stdout")
        Path output;

        @Override
        public Integer call() {
            try {
                KarvonConfig cfg = ConfigLoader.withSystemEnv().load(config);
                String opml = SourcesOpml.write(cfg.sources(), cfg.site().title() + " — sources", Instant.now());
                if (output == null) System.out.print(opml);
                else Files.writeString(output, opml, StandardCharsets.UTF_8);
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(p -> System.err.println("karvon sources: " + p));
                return 1;
            } catch (IOException e) {
                System.err.println("karvon sources: " + e.getMessage());
                return 1;
            }
        }
    }
}
