package io.jfamfs.bench;

import java.util.Arrays;

/** Result lines in the anchor harness's format ({@code RESULT key value unit}) and small statistics. */
final class Out {
    private Out() {
    }

    static void result(String key, double value, String unit) {
        System.out.printf("RESULT %s %.4f %s%n", key, value, unit);
        System.out.flush();
    }

    static void info(String fmt, Object... args) {
        System.err.printf("[bench] " + fmt + "%n", args);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
