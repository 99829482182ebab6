package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.store.rdf.ImportSummary;
import dev.engram.ingest.rdf.RdfImporter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code engram import-rdf}: RDF files as entities, relations and verbalised chunks. */
@Command(name = "import-rdf", mixinStandardHelpOptions = true,
        description = "Import RDF (.ttl, .nt, .rdf/.owl, .jsonld) into the graph. An Engram export is restored as it "
                + "was; other RDF becomes entities and relations, with one document per file and one embedded chunk "
                + "per subject as their provenance.")
final class ImportRdfCommand extends ConfiguredCommand {
    @Parameters(paramLabel = "<file>", arity = "1..*", description = "RDF files; the syntax comes from the extension.")
    List<Path> files;

    @Override
    Set<Setting> settings() {
        return SettingOptions.EMBEDDING;
    }

    @Override
    public Integer call() {
        try (EngramRuntime runtime = EngramRuntime.open(config())) {
            RdfImporter importer = new RdfImporter(runtime.store(), runtime.embedder());
            for (Path file : files) {
                System.err.println("importing " + file + " ...");
                ImportSummary summary = importer.importFile(file);
                System.out.println(file.getFileName() + ": " + summary.format());
            }
            return 0;
        }
    }
}
