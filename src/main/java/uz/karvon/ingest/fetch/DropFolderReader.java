package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code file:} sources confined to configured drop folders. Confinement is checked on the
 * real path (symlinks and {@code ..} resolved), for the URI and for every candidate file in a folder.
 * A folder URI reads the newest {@code *.xml|*.rss|*.atom|*.json} regular file in it (not recursive).
 * {@link FetchResult#lastModified()} is an opaque token (the file's mtime, full precision) to pass back;
 * when it is unchanged the result is a 304 with an empty body.
 */
public final class DropFolderReader {

    private static final List<String> EXTENSIONS = List.of(".xml", ".rss", ".atom", ".json");

    private final List<Path> roots;
    private final long maxBytes;

    public DropFolderReader(List<Path> allowedRoots, long maxBytes) {
        if (allowedRoots == null || allowedRoots.isEmpty()) {
            throw new IllegalArgumentException("at least one drop folder is required");
        }
        this.roots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxBytes = maxBytes;
    }

    /** Reads a file, holding its bytes only for the call (callers that keep the body use the other form). */
    public FetchResult read(URI fileUri, String lastModified) throws FetchException {
        BodyBudget unshared = new BodyBudget(Math.max(1, maxBytes));
        try (BodyBudget.Lease lease = unshared.lease()) {
            return read(fileUri, lastModified, lease, System.nanoTime());
        }
    }

    /**
     * Reads a file, its bytes held in {@code lease} (on the fetcher's shared budget) until the caller closes it;
     * waits for the budget until {@code deadlineNanos}, then fails as {@code busy}.
     */
    public FetchResult read(URI fileUri, String lastModified, BodyBudget.Lease lease, long deadlineNanos)
            throws FetchException {
        String shown = Redact.url(fileUri);
        if (fileUri == null || !"file".equalsIgnoreCase(fileUri.getScheme())) {
            throw new FetchException("blocked-scheme", "fetch " + shown + ": only file: uris are read from drop folders");
        }
        Path requested;
        try {
            requested = Path.of(fileUri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new FetchException("not-found-file", "fetch " + shown + ": not a local file path");
        }
        List<Path> realRoots = realRoots();
        // Lexical check first, so nothing outside is even stat()ed (and its existence not revealed).
        if (!under(requested, roots) && !under(requested, realRoots)) {
            throw outside(shown);
        }
        Path real;
        try {
            real = requested.toRealPath();
        } catch (IOException e) {
            throw notFound(shown);
        }
        if (!under(real, realRoots)) {
            throw outside(shown);
        }
        Path file = Files.isDirectory(real) ? newest(real, realRoots).orElseThrow(() -> new FetchException(
                "not-found-file", "fetch " + shown + ": no *.xml, *.rss, *.atom or *.json file in folder")) : real;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw notFound(shown);
            }
            String token = attrs.lastModifiedTime().toInstant().toString();
            URI finalUrl = file.toUri();
            if (token.equals(lastModified)) {
                return new FetchResult(304, new byte[0], contentType(file), null, token, finalUrl, null);
            }
            if (attrs.size() > maxBytes) {
                throw new FetchException("too-large", "fetch " + shown + ": file larger than " + maxBytes + " bytes");
            }
            BodyReader.Reservation held = BodyReader.Reservation.on(lease, deadlineNanos);
            held.hold(attrs.size());
            byte[] body;
            try (InputStream in = Files.newInputStream(file)) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (body.length > maxBytes) {   // grew after stat
                throw new FetchException("too-large", "fetch " + shown + ": file larger than " + maxBytes + " bytes");
            }
            held.hold(body.length);
            return new FetchResult(200, body, contentType(file), null, token, finalUrl, null);
        } catch (NoSuchFileException e) {
            throw notFound(shown);
        } catch (BodyBudget.ExhaustedException e) {
            throw new FetchException("busy", "fetch " + shown + ": no memory for the body: " + e.getMessage());
        } catch (IOException e) {
            throw new FetchException("io", "fetch " + shown + ": cannot read file ("
                    + Redact.detail(e.getClass().getSimpleName()) + ")");
        }
    }

    private Optional<Path> newest(Path dir, List<Path> realRoots) throws FetchException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || EXTENSIONS.stream().noneMatch(name::endsWith)) {
                    continue;   // also skips editors' and uploaders' hidden temp files
                }
                try {
                    Path real = p.toRealPath();
                    if (under(real, realRoots) && Files.isRegularFile(real)) {
                        candidates.add(real);
                    }
                } catch (IOException e) {
                    // dangling symlink or vanished file: not a candidate
                }
            }
        } catch (IOException e) {
            throw new FetchException("io", "fetch " + Redact.url(dir.toUri()) + ": cannot list folder");
        }
        return candidates.stream().max(Comparator.comparing(DropFolderReader::mtime).thenComparing(Path::toString));
    }

    private static Instant mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.MIN;
        }
    }

    private List<Path> realRoots() {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try {
                out.add(r.toRealPath());
            } catch (IOException e) {
                // a missing drop folder confines to nothing
            }
        }
        return out;
    }

    private static boolean under(Path p, List<Path> roots) {
        return roots.stream().anyMatch(p::startsWith);
    }

    private static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".rss")) {
            return "application/rss+xml";
        }
        if (n.endsWith(".atom")) {
            return "application/atom+xml";
        }
        if (n.endsWith(".json")) {
            return "application/feed+json";
        }
        return "application/xml";
    }

    private static FetchException outside(String shown) {
        return new FetchException("outside-drop-folder", "fetch " + shown + ": path is outside the configured drop folders");
    }

    private static FetchException notFound(String shown) {
        return new FetchException("not-found-file", "fetch " + shown + ": file not found");
    }
}
