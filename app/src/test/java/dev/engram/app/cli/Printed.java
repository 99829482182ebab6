package dev.engram.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A run of the command line in this JVM, as a user would see it: its exit code and what it printed to standard
 * output and standard error. Both streams are swapped for the run (threads it starts print there too) and restored.
 */
record Printed(int exit, String out, String err) {
    /** Runs {@code engram args} without environment variables. */
    static Printed engram(String... args) throws Exception {
        return by(() -> Commands.commandLine(Map.of()).execute(args));
    }

    /** Runs {@code run}, which returns the exit code, with System.out and System.err captured. */
    static Printed by(Callable<Integer> run) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            exit = run.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Printed(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
