package uz.karvon.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Cluster ids derive from the id of the cluster's first story: 16 characters of base32 (a–z, 2–7) of its
 * SHA-256. Any instance that saw the same first story names the cluster alike, and the id is safe in
 * URLs, XML and JSON whatever the story ids look like.
 */
public final class ClusterIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private ClusterIds() {
    }

    /** The id of a cluster whose first story has this id. */
    public static String of(String firstStoryId) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(firstStoryId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        StringBuilder out = new StringBuilder(16);
        long bits = 0;
        int have = 0;
        int i = 0;
        while (out.length() < 16) {
            if (have < 5) {
                bits = bits << 8 | (h[i++] & 0xFF);
                have += 8;
            }
            out.append(BASE32[(int) (bits >>> (have - 5)) & 31]);
            have -= 5;
        }
        return out.toString();
    }
}
