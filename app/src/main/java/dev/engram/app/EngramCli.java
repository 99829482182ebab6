package dev.engram.app;

import dev.engram.app.cli.Commands;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code engram} command line. */
public final class EngramCli {
    // held so the level sticks (java.util.logging keeps loggers weakly): Lucene announces at INFO that it uses the
    // vector API, which a user can do nothing about
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");
    private static final String LOG_PROVIDER = "slf4j.provider";
    private static final String SPRING_LOGGING = "org.springframework.boot.logging.LoggingSystem";

    private EngramCli() {}

    /** Runs one command and exits with its status. */
    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.WARNING);
        // java.util.logging's console shows INFO; Tomcat announces its start-up there (Spring's logging system,
        // which would quieten it, is off below)
        Logger.getLogger("").setLevel(Level.WARNING);
        // Neo4j ships its own SLF4J provider, which drops our log lines (a 500's request id among them); pick ours
        if (System.getProperty(LOG_PROVIDER) == null) {
            System.setProperty(LOG_PROVIDER, "org.slf4j.simple.SimpleServiceProvider");
            // SLF4J would announce that choice on stderr at INFO
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        // Spring Boot would hand its logging to the Log4j that Neo4j brings, which then warns on stderr that the
        // configuration has no loggers; our log lines go through SLF4J's simple provider anyway
        if (System.getProperty(SPRING_LOGGING) == null) {
            System.setProperty(SPRING_LOGGING, "none");
        }
        System.exit(Commands.commandLine().execute(args));
    }
}
