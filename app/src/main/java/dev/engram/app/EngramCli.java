package dev.engram.app;

import dev.engram.app.cli.Commands;
import picocli.CommandLine;

/** Entry point of the {@code engram} command line. */
public final class EngramCli {
    private static final String LOG_PROVIDER = "slf4j.provider";

    private EngramCli() {}

    /** Runs one command and exits with its status. */
    public static void main(String[] args) {
        // Neo4j ships its own SLF4J provider, which drops our log lines (a 500's request id among them); pick ours
        if (System.getProperty(LOG_PROVIDER) == null) {
            System.setProperty(LOG_PROVIDER, "org.slf4j.simple.SimpleServiceProvider");
        }
        System.exit(Commands.commandLine().execute(args));
    }
}
