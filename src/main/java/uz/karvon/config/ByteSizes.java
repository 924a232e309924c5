package uz.karvon.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as admins write them: {@code 16MB}, {@code 512KB}, {@code 1048576} (binary multiples). */
final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private ByteSizes() {}

    static Long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;   // more than a long holds: not a size anyone means
        }
    }

    static String format(long bytes) {
        if (bytes >= 1 << 30 && bytes % (1 << 30) == 0) return (bytes >> 30) + "GB";
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + "MB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + "KB";
        return bytes + "B";
    }
}
