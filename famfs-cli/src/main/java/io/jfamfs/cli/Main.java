package io.jfamfs.cli;

/** Entry point of {@code bin/famfs} and {@code bin/mkfs.famfs}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("famfs: not built yet");
        System.exit(2);
    }
}
