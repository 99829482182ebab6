package dev.engram.ingest.rdf;

import dev.engram.records.document.ContentHash;
import dev.engram.records.document.TextChunk;
import dev.engram.records.embedding.Embedder;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.lexical.LexicalWriteSummary;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.rdf.ExportedGraphReader;
import dev.engram.store.rdf.ImportSummary;
import dev.engram.store.rdf.LinkedDataMapper;
import dev.engram.store.rdf.ParsedRdf;
import dev.engram.store.rdf.RdfFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;

/**
 * Imports RDF files (Turtle, N-Triples, RDF/XML, JSON-LD, by extension) through the same writers as ingestion, so
 * imported knowledge is embedded, searchable, deletable and takes part in PPR like extracted knowledge. An Engram
 * export is restored as it was (documents, sections, chunks with their pages, entities, relations with provenance); any other RDF becomes one
 * document "rdf:&lt;file name&gt;" whose chunks verbalise one subject each ({@link LinkedDataMapper}).
 *
 * <p>Jena parses as a stream, but the triples of one file are grouped by subject in memory before writing: a
 * subject's chunk needs all its triples and every object's label, which a stream does not promise in order.
 */
public final class RdfImporter {

    /** Documents written (with their chunks' knowledge) per batch when restoring an export. */
    private static final int DOCUMENT_BATCH = 200;
    /** Chunks whose knowledge is written per {@link KnowledgeStage#write} call. */
    private static final int KNOWLEDGE_BATCH = 1000;
    private static final int EMBED_BATCH = 256;

    private final Embedder embedder;
    private final DocumentWriter documents;
    private final KnowledgeStage knowledge;

    /** An importer writing to {@code store}, embedding chunks, entities and facts with {@code embedder}. */
    public RdfImporter(GraphStore store, Embedder embedder) {
        this.embedder = embedder;
        this.documents = new DocumentWriter(store);
        this.knowledge = KnowledgeStage.standard(store, embedder);
    }

    /** Imports one file, its syntax told by its extension. */
    public ImportSummary importFile(Path file) {
        RdfFormat format = RdfFormat.ofFile(file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        ParsedRdf rdf = new ParsedRdf();
        try {
            RDFParser.source(file).lang(format.lang()).parse(rdf);
        } catch (RiotException e) {
            throw new IllegalArgumentException("cannot read " + file + " as " + format.lang().getLabel() + ": " + e.getMessage(), e);
        }
        return write(rdf, file.getFileName().toString(), file.toAbsolutePath().toString());
    }

    /** Imports RDF read from {@code in}; {@code name} names the document that holds non-Engram triples. */
    public ImportSummary importStream(InputStream in, RdfFormat format, String name) {
        ParsedRdf rdf = new ParsedRdf();
        RDFParser.source(in).lang(format.lang()).parse(rdf);
        return write(rdf, name, name);
    }

    private ImportSummary write(ParsedRdf rdf, String name, String source) {
        Totals totals = new Totals();
        ExportedGraphReader.Restored restored = new ExportedGraphReader().read(rdf);
        List<ExportedGraphReader.RestoredDocument> docs = restored.documents();
        for (int from = 0; from < docs.size(); from += DOCUMENT_BATCH) {
            List<ExportedGraphReader.RestoredDocument> slice = docs.subList(from, Math.min(docs.size(), from + DOCUMENT_BATCH));
            Set<String> chunkIds = new HashSet<>();
            List<DocumentRecord> records = new ArrayList<>();
            for (ExportedGraphReader.RestoredDocument d : slice) {
                d.chunks().forEach(c -> chunkIds.add(c.id()));
                records.add(new DocumentRecord(d.document(), ContentHash.of(d.document()), d.tenant(), d.acl(),
                        d.chunks(), embed(d.chunks()), d.sections()));
            }
            List<ChunkKnowledge> sliceKnowledge = restored.knowledge().stream()
                    .filter(k -> chunkIds.contains(k.chunkId())).toList();
            writeDocuments(records, sliceKnowledge, totals);
        }
        LinkedDataMapper.Mapped mapped = new LinkedDataMapper().map(rdf, restored.consumed(), "rdf:" + name, name, source);
        if (!mapped.chunks().isEmpty()) {
            DocumentRecord record = new DocumentRecord(mapped.document(), ContentHash.of(mapped.document()), null, List.of(),
                    mapped.chunks(), embed(mapped.chunks()));
            writeDocuments(List.of(record), mapped.knowledge(), totals);
        }
        return new ImportSummary(rdf.tripleCount(), totals.documentsWritten, totals.documentsUnchanged, totals.chunks,
                totals.entities, totals.relations, totals.facts, totals.refused);
    }

    private void writeDocuments(List<DocumentRecord> records, List<ChunkKnowledge> chunkKnowledge, Totals totals) {
        LexicalWriteSummary lexical = documents.write(records);
        if (!lexical.refused().isEmpty()) {
            // those ids belong to another tenant's documents: their knowledge must not land on its chunks
            Set<String> out = Set.copyOf(lexical.refused());
            Set<String> outChunks = new HashSet<>();
            records.stream().filter(r -> out.contains(r.id())).forEach(r -> r.chunks().forEach(c -> outChunks.add(c.id())));
            chunkKnowledge = chunkKnowledge.stream().filter(k -> !outChunks.contains(k.chunkId())).toList();
            records = records.stream().filter(r -> !out.contains(r.id())).toList();
            totals.refused.addAll(lexical.refused());
        }
        totals.documentsWritten += lexical.documentsWritten();
        totals.documentsUnchanged += lexical.documentsUnchanged();
        totals.chunks += lexical.chunksWritten();
        if (lexical.documentsWritten() > 0) {
            // knowledge writes are idempotent, so the unchanged documents' share is simply written again
            for (int from = 0; from < chunkKnowledge.size(); from += KNOWLEDGE_BATCH) {
                KnowledgeWriteSummary k = knowledge.write(
                        chunkKnowledge.subList(from, Math.min(chunkKnowledge.size(), from + KNOWLEDGE_BATCH))).written();
                totals.entities += k.entitiesCreated();
                totals.relations += k.relationsCreated();
                totals.facts += k.facts();
            }
        }
        documents.markComplete(records.stream().map(DocumentRecord::id).toList());
    }

    private List<float[]> embed(List<TextChunk> chunks) {
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
            vectors.addAll(embedder.embedPassages(chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH))
                    .stream().map(TextChunk::text).toList()));
        }
        return vectors;
    }

    private static final class Totals {
        int documentsWritten;
        int documentsUnchanged;
        int chunks;
        int entities;
        int relations;
        int facts;
        final List<String> refused = new ArrayList<>();
    }
}
