package dev.engram.app.cli;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.rdf.ExportSummary;
import dev.engram.store.rdf.RdfExporter;
import dev.engram.store.rdf.RdfFormat;
import dev.engram.store.search.AccessFilter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram export}: the knowledge graph as RDF. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the knowledge graph as RDF (Turtle, N-Triples or JSON-LD), streamed page by page. "
                + "With --tenant/--groups only what that reader may see is written; without them, everything.")
final class ExportCommand extends ConfiguredCommand {

    @Option(names = "--format", paramLabel = "<ttl|nt|jsonld>", defaultValue = "ttl",
            description = "RDF syntax (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "<file>", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--tenant", description = "Export only what this tenant may read.")
    String tenant;

    @Option(names = "--groups", split = ",", paramLabel = "<group>", description = "ACL groups of the reader.")
    List<String> groups = List.of();

    @Override
    public Integer call() {
        RdfFormat rdf = RdfFormat.named(format);
        AccessFilter filter = tenant == null && groups.isEmpty() ? AccessFilter.ALL : new AccessFilter(tenant, groups);
        try (GraphStore graph = openStore(); OutputStream sink = open()) {
            ExportSummary summary = new RdfExporter(graph).export(filter, rdf, sink,
                    progress -> System.err.print("\rexported " + progress.format()));
            sink.flush();
            System.err.println("\rexported " + summary.format() + (out == null ? "" : " to " + out));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            // standard output stays open for the JVM; only the buffer is ours
            return new BufferedOutputStream(System.out, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
    }
}
