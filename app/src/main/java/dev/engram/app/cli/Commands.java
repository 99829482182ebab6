package dev.engram.app.cli;

import java.util.Map;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.app.config.ConfigSource;
import dev.engram.app.config.CliConfig;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code engram} command and its subcommands. */
@Command(name = "engram", mixinStandardHelpOptions = true, version = "engram 0.1.0",
        description = "GraphRAG knowledge graphs in Neo4j: ingest documents, extract triples, answer questions "
                + "HippoRAG-style.",
        subcommands = {DemoCommand.class, IngestCommand.class, JobsCommand.class, QueryCommand.class, CommunitiesCommand.class, StatsCommand.class,
                DeleteCommand.class, EvalCommand.class, ServeCommand.class, McpCommand.class, ConfigCommand.class, ExportCommand.class, ImportRdfCommand.class, SparqlCommand.class, SynonymsCommand.class, CommandLine.HelpCommand.class})
public final class Commands implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line over the process environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * A command line whose settings come from flags over {@code env} over the defaults, and whose failures print
     * one clear line instead of a stack trace (set ENGRAM_DEBUG=1 for those).
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Commands());
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ConfiguredCommand command) {
                SettingOptions.addTo(sub.getCommandSpec(), SettingOptions.of(SettingOptions.STORE, command.settings()));
            }
        }
        cli.setDefaultValueProvider(new CliConfig(env));
        boolean debug = env.get("ENGRAM_DEBUG") != null;
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (debug) {
                e.printStackTrace();
            }
            line.getErr().println("engram: " + message(e));
            return 2;
        });
        return cli;
    }

    /** The configuration of a parsed command: its flags over the environment over the defaults. */
    static EngramConfig config(CommandLine.Model.CommandSpec spec) {
        return ((CliConfig) spec.root().defaultValueProvider()).config(spec);
    }

    /** Opens the store of a parsed command, saying so when it works through another running Engram. */
    static GraphStore openStore(CommandLine.Model.CommandSpec spec) {
        return EngramRuntime.openStore(config(spec));
    }

    /** Where each setting of a parsed command comes from. */
    static ConfigSource source(CommandLine.Model.CommandSpec spec) {
        return ((CliConfig) spec.root().defaultValueProvider()).source(spec);
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
