package io.jfamfs.cli;

/**
 * Parses numbers the way the reference CLI does: C {@code strtoull(s, &end, 0)} (so {@code 0x…} is
 * hex and a leading {@code 0} is octal) followed by an optional binary size suffix.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Parses a size such as {@code 4096}, {@code 0x100000}, {@code 2m}, {@code 3G}: base-0 digits and an
     * optional {@code k/K}, {@code m/M}, {@code g/G} or {@code t/T} (powers of 1024).
     *
     * @throws IllegalArgumentException naming the text when it is not a non-negative size or overflows
     */
    public static long parseSize(String text) {
        String s = text.strip();
        long multiplier = 1;
        if (!s.isEmpty()) {
            multiplier = switch (s.charAt(s.length() - 1)) {
                case 'k', 'K' -> 1L << 10;
                case 'm', 'M' -> 1L << 20;
                case 'g', 'G' -> 1L << 30;
                case 't', 'T' -> 1L << 40;
                default -> 1;
            };
            if (multiplier != 1) {
                s = s.substring(0, s.length() - 1);
            }
        }
        long value = parseBase0(s, text);
        if (value < 0) {
            throw new IllegalArgumentException("not a size: '" + text + "' (negative)");
        }
        try {
            return Math.multiplyExact(value, multiplier);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size too large: '" + text + "'");
        }
    }

    /** Parses a base-0 integer ({@code 0x1f}, {@code 017}, {@code 15}, optionally signed). */
    public static long parseLong(String text) {
        return parseBase0(text.strip(), text);
    }

    /** Parses a permission mode as octal ({@code 644}, {@code 0600}, {@code 4755}); at most 07777. */
    public static int parseMode(String text) {
        String s = text.strip();
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '7')) {
            throw new IllegalArgumentException("not an octal mode: '" + text + "'");
        }
        long mode = Long.parseLong(s, 8);
        if (mode > 07777) {
            throw new IllegalArgumentException("mode out of range (max 07777): '" + text + "'");
        }
        return (int) mode;
    }

    private static long parseBase0(String s, String original) {
        boolean negative = false;
        String digits = s;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            throw new IllegalArgumentException("not a number: '" + original + "'");
        }
        try {
            long v = Long.parseLong(digits, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + original + "'");
        }
    }

    /** Formats bytes for humans in binary units with one decimal ({@code 1.5 GiB}); exact below 1 KiB. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
