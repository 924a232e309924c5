package uz.karvon.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.karvon.article.ArticleImporter;
import uz.karvon.server.Wiring;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load articles from a JSON array or NDJSON file into the database (create or update by id).")
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "JSON or NDJSON file of articles")
    Path file;

    @Option(names = "--data", description = "data directory (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) { // checked first, so a typo creates no empty database
            System.err.println("karvon import: no such file: " + file);
            return 2;
        }
        try (Database db = Database.open(data); InputStream in = Files.newInputStream(file)) {
            ArticleImporter.Report r = new ArticleImporter(Wiring.intake(db, Clock.systemUTC(), () -> { })).load(in);
            for (ArticleImporter.Problem p : r.problems()) {
                System.err.println(file + ":" + p.line() + ": " + p.message());
            }
            System.out.println("imported " + r.stored() + " article(s), " + r.unchanged() + " unchanged, "
                    + r.problems().size() + " problem(s)");
            return r.problems().isEmpty() ? 0 : 1;
        } catch (NoSuchFileException e) {
            System.err.println("karvon import: no such file: " + file);
            return 2;
        } catch (StoreException e) {   // an unusable data directory: one line, not a stack trace
            System.err.println("karvon import: " + data + ": " + e.getMessage());
            return 2;
        }
    }
}
