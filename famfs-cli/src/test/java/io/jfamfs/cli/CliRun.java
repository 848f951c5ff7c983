package io.jfamfs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process and captures its exit status, stdout and stderr. */
record CliRun(int exit, String out, String err) {
    static CliRun famfs(String... args) {
        return run("famfs", args);
    }

    static CliRun mkfs(String... args) {
        return run("mkfs.famfs", args);
    }

    static CliRun run(String prog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(prog, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
