package dev.engram.app.cli;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.rdf.SparqlResult;
import dev.engram.store.rdf.SparqlResultWriter;
import dev.engram.store.rdf.SparqlRunner;
import dev.engram.store.search.AccessFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engram sparql}: read-only SPARQL over the graph's RDF view. */
@Command(name = "sparql", mixinStandardHelpOptions = true,
        description = "Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph in its RDF "
                + "form (the same mapping as export). UPDATE is refused.")
final class SparqlCommand extends ConfiguredCommand {

    @Parameters(paramLabel = "<query>", description = "The query, @file to read it from a file, or - for standard input.")
    String query;

    @Option(names = "--format", paramLabel = "<table|json|ttl>", defaultValue = "table",
            description = "Output: table, json (SPARQL JSON results; JSON-LD for graphs) or ttl (graphs), default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--tenant", description = "Query only what this tenant may read.")
    String tenant;

    @Option(names = "--groups", split = ",", paramLabel = "<group>", description = "ACL groups of the reader.")
    List<String> groups = List.of();

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "Stop the query after this many seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "<n>", defaultValue = "10000",
            description = "Return at most this many rows or triples (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() {
        SparqlResultWriter.Format output = SparqlResultWriter.Format.named(format);
        AccessFilter filter = tenant == null && groups.isEmpty() ? AccessFilter.ALL : new AccessFilter(tenant, groups);
        String text = queryText();
        try (GraphStore graph = openStore()) {
            SparqlResult result = new SparqlRunner(graph).run(text, filter, Duration.ofSeconds(timeoutSeconds), maxRows);
            SparqlResultWriter.write(result, output, System.out);
            System.out.flush();
            if (result.truncated()) {
                System.err.println("result cut at --max-rows " + maxRows);
            }
            return 0;
        }
    }

    private String queryText() {
        try {
            if (query.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (query.startsWith("@")) {
                return Files.readString(Path.of(query.substring(1)));
            }
            return query;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
