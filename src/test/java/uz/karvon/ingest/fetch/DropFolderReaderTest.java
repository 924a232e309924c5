package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderReaderTest {

    @TempDir
    Path tmp;
    Path drop;
    Path outside;
    DropFolderReader reader;

    @BeforeEach
    void setUp() throws IOException {
        drop = Files.createDirectories(tmp.resolve("drop"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.xml"), "<passwd/>");
        reader = new DropFolderReader(List.of(drop), 1024);
    }

    static FetchException failure(DropFolderReader r, URI uri) {
        return catchThrowableOfType(FetchException.class, () -> r.read(uri, null));
    }

    Path write(String name, String content, Instant mtime) throws IOException {
        Path p = Files.writeString(drop.resolve(name), content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
        return p;
    }

    @Test
    void readsAFileAndAnswers304WhenMtimeUnchanged() throws Exception {
        Path f = write("tass.rss", "<rss/>", Instant.parse("2026-11-27T01:00:00Z"));
        FetchResult first = reader.read(f.toUri(), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(first.contentType()).isEqualTo("application/rss+xml");
        FetchResult second = reader.read(f.toUri(), first.lastModified());
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-11-27T01:00:00.5Z")));
        assertThat(reader.read(f.toUri(), first.lastModified()).status()).isEqualTo(200);
    }

    @Test
    void folderReadsNewestFeedFile() throws Exception {
        write("a.xml", "old", Instant.parse("2026-11-27T01:00:00Z"));
        write("b.atom", "new", Instant.parse("2026-11-27T02:00:00Z"));
        write("c.txt", "ignored", Instant.parse("2026-11-27T03:00:00Z"));
        write(".d.xml", "hidden temp", Instant.parse("2026-11-27T04:00:00Z"));
        FetchResult r = reader.read(drop.toUri(), null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("new");
        assertThat(r.finalUrl()).isEqualTo(drop.resolve("b.atom").toRealPath().toUri());
    }

    @Test
    void emptyFolderAndMissingFileAreNotFound() {
        assertThat(failure(reader, drop.toUri()).reason()).isEqualTo("not-found-file");
        assertThat(failure(reader, drop.resolve("nope.xml").toUri()).reason()).isEqualTo("not-found-file");
    }

    @Test
    void dotDotCannotEscape() {
        URI uri = URI.create(drop.toUri() + "../outside/secret.xml");
        assertThat(failure(reader, uri).reason()).isEqualTo("outside-drop-folder");
        assertThat(failure(reader, outside.resolve("secret.xml").toUri()).reason()).isEqualTo("outside-drop-folder");
    }

    @Test
    void symlinkCannotEscape() throws Exception {
        Path link = Files.createSymbolicLink(drop.resolve("passwd.xml"), outside.resolve("secret.xml"));
        assertThat(failure(reader, link.toUri()).reason()).isEqualTo("outside-drop-folder");
        Path dirLink = Files.createSymbolicLink(drop.resolve("sub"), outside);
        assertThat(failure(reader, dirLink.toUri()).reason()).isEqualTo("outside-drop-folder");
    }

    @Test
    void folderIgnoresSymlinksPointingOutside() throws Exception {
        write("ok.xml", "inside", Instant.parse("2026-11-27T01:00:00Z"));
        Path link = Files.createSymbolicLink(drop.resolve("zz.xml"), outside.resolve("secret.xml"));
        Files.setLastModifiedTime(outside.resolve("secret.xml"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(new String(reader.read(drop.toUri(), null).body(), StandardCharsets.UTF_8)).isEqualTo("inside");
        assertThat(link).exists();
    }

    @Test
    void symlinkedRootStillWorks() throws Exception {
        Path rootLink = Files.createSymbolicLink(tmp.resolve("drop-link"), drop);
        write("a.json", "{}", Instant.parse("2026-11-27T01:00:00Z"));
        DropFolderReader viaLink = new DropFolderReader(List.of(rootLink), 1024);
        assertThat(viaLink.read(rootLink.resolve("a.json").toUri(), null).contentType()).isEqualTo("application/feed+json");
    }

    @Test
    void sizeCapApplies() throws Exception {
        Path f = write("big.xml", "x".repeat(1025), Instant.parse("2026-11-27T01:00:00Z"));
        assertThat(failure(reader, f.toUri()).reason()).isEqualTo("too-large");
    }

    @Test
    void onlyFileUris() {
        assertThat(failure(reader, URI.create("http://example.com/x.xml")).reason()).isEqualTo("blocked-scheme");
    }
}
