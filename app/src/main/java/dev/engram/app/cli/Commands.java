package dev.engram.app.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code engram} command and its subcommands. */
@Command(name = "engram", mixinStandardHelpOptions = true, version = "engram 0.1.0",
        description = "GraphRAG knowledge graphs in Neo4j: ingest documents, extract triples, answer questions "
                + "HippoRAG-style.",
        subcommands = {DemoCommand.class, IngestCommand.class, QueryCommand.class, CommunitiesCommand.class, StatsCommand.class,
                DeleteCommand.class, EvalCommand.class, ServeCommand.class, McpCommand.class, ExportCommand.class, ImportRdfCommand.class, SparqlCommand.class, CommandLine.HelpCommand.class})
public final class Commands implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A command line whose failures print one clear line instead of a stack trace (set ENGRAM_DEBUG=1 for those). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Commands());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (System.getenv("ENGRAM_DEBUG") != null) {
                e.printStackTrace();
            }
            line.getErr().println("engram: " + message(e));
            return 2;
        });
        return cli;
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
