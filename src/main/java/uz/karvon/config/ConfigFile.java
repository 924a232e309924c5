package uz.karvon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One read of the configuration file: its bytes, their SHA-256, and the modification time seen just before. The
 * loader parses exactly these bytes, so what is hashed (to tell whether the file changed) is always what was
 * checked and applied: a file rewritten between the two can never be taken for the one already handled.
 */
public record ConfigFile(Path path, byte[] bytes, byte[] sha256, FileTime modified) {

    public static ConfigFile read(Path path) throws IOException {
        FileTime modified = Files.getLastModifiedTime(path);
        byte[] bytes = Files.readAllBytes(path);
        return new ConfigFile(path, bytes, sha256(bytes), modified);
    }

    /** Same size, same modification time and same content: the file has not moved since {@code other} was read. */
    public boolean sameAs(ConfigFile other) {
        return other != null && bytes.length == other.bytes.length && modified.equals(other.modified)
                && Arrays.equals(sha256, other.sha256);
    }

    public boolean sameContent(byte[] otherSha256) {
        return Arrays.equals(sha256, otherSha256);
    }

    /** The name problems are reported under ({@code feeds.yml:LINE:COLUMN}). */
    public String name() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
