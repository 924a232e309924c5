package uz.karvon.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.article.ArticleImporter;
import uz.karvon.article.ArticleIntake;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;
import uz.karvon.web.AppContext;
import uz.karvon.web.ConfigStatus;
import uz.karvon.web.WebApp;

/** The running server: configuration, database, publisher and web app wired together, started and stopped as one. */
public final class KarvonServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarvonServer.class);

    private final Database db;
    private final Javalin web;
    private final AppContext context;

    private KarvonServer(Database db, Javalin web, AppContext context) {
        this.db = db;
        this.web = web;
        this.context = context;
    }

    public record Options(Path configFile, Path dataDir, Integer port, String host, Clock clock, Map<String, String> env,
                          boolean loadSample) {}

    public static KarvonServer start(Options o) throws ConfigException, StoreException, IOException {
        ConfigLoader loader = new ConfigLoader(o.env());
        KarvonConfig config = loader.load(o.configFile());
        config.warnings().forEach(w -> LOG.warn("{}: {}", o.configFile().getFileName(), w));
        Database db = Database.open(o.dataDir());
        try {
            ArticleStore articles = new ArticleStore(db);
            FeedPublisher publisher = new FeedPublisher(config, articles, new FeedRenderer(config.site().agency()), o.clock());
            ArticleIntake intake = Wiring.intake(db, o.clock(), publisher::changed);
            if (o.loadSample() && articles.count() == 0) loadSample(intake);
            ConfigStatus status = new ConfigStatus(o.configFile(), o.clock().instant(), config.warnings());
            AppContext ctx = new AppContext(publisher, intake, articles, db, status, o.clock());
            Javalin web = WebApp.create(ctx);
            int port = o.port() != null ? o.port() : config.server().port();
            String host = o.host() != null ? o.host() : config.server().host();
            web.start(host, port);
            publisher.reconfigure(config.servedOn(web.port()));
            LOG.info("karvon serving {} feeds on http://{}:{}/ (data: {})", config.feeds().size(), host, web.port(), db.file());
            return new KarvonServer(db, web, ctx);
        } catch (RuntimeException | StoreException | IOException e) {
            db.close();
            throw e;
        }
    }

    private static void loadSample(ArticleIntake intake) throws IOException, StoreException {
        try (InputStream in = KarvonServer.class.getResourceAsStream("/sample/articles.json")) {
            if (in == null) return;
            ArticleImporter.Report r = new ArticleImporter(intake).load(in);
            LOG.info("empty database: loaded {} sample articles", r.stored());
            r.problems().forEach(p -> LOG.warn("sample/articles.json:{}: {}", p.line(), p.message()));
        }
    }

    public int port() {
        return web.port();
    }

    public AppContext context() {
        return context;
    }

    @Override
    public void close() {
        web.stop();
        db.close();
    }
}
