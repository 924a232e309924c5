package uz.karvon.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hostile upstream lab ({@code shared/hostile/hostile_upstream.py}) as a child process: found at
 * {@code /work/shared} or {@code ../shared} beside the project, started on a free loopback port,
 * stopped by its handle (with its descendants).
 */
final class HostileLab implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final String base;

    private HostileLab(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The lab script, or null when it is not present in either place. */
    static Path script() {
        List<Path> candidates = List.of(
                Path.of(System.getProperty("user.dir"), "..", "shared", "hostile", "hostile_upstream.py").normalize(),
                Path.of("/work/shared/hostile/hostile_upstream.py"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }

    static HostileLab start(Path script, String... extraArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "0"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null) {
            p.destroyForcibly();
            throw new IllegalStateException("hostile lab printed nothing; exit " + (p.isAlive() ? "alive" : p.exitValue()));
        }
        String base = JSON.readTree(first).get("listening").asText();
        if (!"127.0.0.1".equals(URI.create(base).getHost())) {
            p.destroyForcibly();
            throw new IllegalStateException("lab not on loopback: " + base);
        }
        // Drain stdout so the lab never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (Exception ignored) {
                // lab gone
            }
        }, "hostile-lab-stdout");
        drain.setDaemon(true);
        drain.start();
        return new HostileLab(p, base);
    }

    JsonNode json(String path) throws Exception {
        return JSON.readTree(URI.create(base + path).toURL());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
