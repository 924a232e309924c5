package uz.karvon.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.config.ConfigException;
import uz.karvon.server.KarvonServer;
import uz.karvon.store.StoreException;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server on feeds.yml and the embedded database.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})", defaultValue = "feeds.yml")
    Path config;

    @Option(names = "--port", description = "port to listen on (default: server.port in the config, else 8080)")
    Integer port;

    @Option(names = "--host", description = "address to bind (default: server.host in the config, else 127.0.0.1)")
    String host;

    @Option(names = "--data", description = "data directory for the database (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;

    @Option(names = "--no-sample", description = "do not load the bundled sample articles into an empty database")
    boolean noSample;

    @Override
    public Integer call() throws Exception {
        KarvonServer server;
        try {
            server = KarvonServer.start(new KarvonServer.Options(config, data, port, host, Clock.systemUTC(),
                    System.getenv(), !noSample, true));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.err.println("karvon: not starting: " + config + " has " + e.problems().size() + " problem(s)");
            return 1;
        } catch (StoreException e) {
            System.err.println("karvon: " + e.getMessage());
            return 1;
        } catch (io.javalin.util.JavalinBindException e) {
            System.err.println("karvon: cannot listen on " + (host != null ? host : "the configured address") + ":"
                    + (port != null ? port : "the configured port") + ": the port is already in use; stop the other"
                    + " process or choose another with --port");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "karvon-shutdown"));
        stopped.await();
        return 0;
    }
}
