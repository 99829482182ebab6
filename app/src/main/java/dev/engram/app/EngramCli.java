package dev.engram.app;

import dev.engram.app.cli.Commands;
import picocli.CommandLine;

/** Entry point of the {@code engram} command line. */
public final class EngramCli {
    private EngramCli() {}

    /** Runs one command and exits with its status. */
    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
