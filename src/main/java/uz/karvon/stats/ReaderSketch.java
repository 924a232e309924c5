package uz.karvon.stats;

import com.dynatrace.hash4j.distinctcount.HyperLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import uz.karvon.store.PullStatStore;

/**
 * Distinct readers (address + user agent) as a HyperLogLog sketch (hash4j): 3 KB per day, feed and partner,
 * whatever and however many user agents clients send, with a relative standard error of 1.04/√4096 ≈ 1.6 %
 * (about 5 % at most in 997 of 1000 days). Sketches merge by register maximum, so a reader counted before a flush,
 * a restart or by another instance is not counted twice.
 */
final class ReaderSketch implements PullStatStore.Sketches {
    /** 2^12 registers of 6 bits. */
    static final int PRECISION = 12;
    private static final Hasher64 HASH = Hashing.komihash5_0();

    static HyperLogLog create() {
        return HyperLogLog.create(PRECISION);
    }

    /** A well-mixed 64-bit hash, as the sketch needs; each string is length-prefixed, so no two pairs run together. */
    static long reader(String address, String userAgent) {
        return HASH.hashStream().putString(address == null ? "" : address).putString(userAgent == null ? "" : userAgent).getAsLong();
    }

    @Override
    public byte[] merge(byte[] stored, byte[] added) {
        HyperLogLog sum = HyperLogLog.wrap(added.clone());
        if (stored != null) {
            try {
                sum = HyperLogLog.merge(sum, HyperLogLog.wrap(stored));
            } catch (IllegalArgumentException e) {
                // not a sketch this version can read: the stored count still stands (the store keeps the larger)
            }
        }
        return sum.getState();
    }

    @Override
    public long count(byte[] sketch) {
        return Math.round(HyperLogLog.wrap(sketch).getDistinctCountEstimate());
    }
}
