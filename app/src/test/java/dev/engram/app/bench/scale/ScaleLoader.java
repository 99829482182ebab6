package dev.engram.app.bench.scale;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.ingest.knowledge.SynonymResolver;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a {@link SyntheticCorpus} through Engram's own writers ({@link DocumentWriter}, {@link KnowledgeWriter}
 * with synonym detection through the entity vector index), a batch of documents at a time, exactly as ingest
 * writes extracted knowledge; only the text is synthetic and the embedder a {@link HashedEmbedder}.
 */
record ScaleLoader(GraphStore store, HashedEmbedder embedder, int documentsPerBatch) {
    /** Writes documents {@code [fromDocument, toDocument)} of the corpus; prints progress. */
    void load(SyntheticCorpus corpus, int fromDocument, int toDocument) {
        load(corpus, fromDocument, toDocument, "doc-");
    }

    /** The same, naming the documents {@code idPrefix + index} (a small ingest of copies under new ids). */
    void load(SyntheticCorpus corpus, int fromDocument, int toDocument, String idPrefix) {
        DocumentWriter documents = new DocumentWriter(store);
        // name mentions are given explicitly by the generator, so the text scan for named entities is off
        KnowledgeStage knowledge = new KnowledgeStage(new KnowledgeWriter(store, embedder),
                List.of(new SynonymResolver(store, SynonymLinker.DEFAULT_THRESHOLD)));
        long start = System.nanoTime();
        for (int d = fromDocument; d < toDocument; d += documentsPerBatch) {
            int end = Math.min(toDocument, d + documentsPerBatch);
            List<DocumentRecord> records = new ArrayList<>();
            List<ChunkKnowledge> extracted = new ArrayList<>();
            for (int doc = d; doc < end; doc++) {
                records.add(document(corpus, doc, idPrefix + doc, extracted));
            }
            documents.write(records);
            knowledge.write(extracted);
            documents.markComplete(records.stream().map(DocumentRecord::id).toList());
            if ((end - fromDocument) % (documentsPerBatch * 20) == 0 || end == toDocument) {
                double s = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "load: %,d / %,d documents, %.0f s, %.0f chunks/s%n", end - fromDocument,
                        toDocument - fromDocument, s, (end - fromDocument) * SyntheticCorpus.CHUNKS_PER_DOCUMENT / s);
            }
        }
    }

    private DocumentRecord document(SyntheticCorpus corpus, int doc, String docId, List<ChunkKnowledge> extracted) {
        List<TextChunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int first = doc * SyntheticCorpus.CHUNKS_PER_DOCUMENT;
        int last = Math.min(corpus.chunkCount(), first + SyntheticCorpus.CHUNKS_PER_DOCUMENT);
        for (int i = first; i < last; i++) {
            SyntheticCorpus.Chunk c = corpus.chunk(i);
            String chunkId = docId + "#" + (i - first);
            int startOffset = all.length();
            all.append(c.text()).append('\n');
            chunks.add(new TextChunk(chunkId, docId, i - first, c.text(), c.text().length() / 5, startOffset,
                    startOffset + c.text().length()));
            vectors.add(embedder.embed(c.text()));
            List<EntityRecord> mentions = new ArrayList<>();
            for (int e : c.mentioned()) {
                mentions.add(new EntityRecord(entityId(corpus, e), corpus.entityName(e)));
            }
            List<FactRecord> facts = new ArrayList<>();
            for (int f = 0; f < c.subjects().length; f++) {
                facts.add(new FactRecord(entityId(corpus, c.subjects()[f]), SyntheticCorpus.predicate(c.predicates()[f]),
                        entityId(corpus, c.objects()[f]), chunkId));
            }
            extracted.add(new ChunkKnowledge(chunkId, mentions, facts));
        }
        SourceDocument source = new SourceDocument(docId, "Synthetic document " + doc, "synthetic:" + doc,
                all.toString(), Map.of());
        return new DocumentRecord(source, Integer.toHexString(all.toString().hashCode()), null, List.of(), chunks,
                vectors);
    }

    static String entityId(SyntheticCorpus corpus, int e) {
        return corpus.entityName(e).toLowerCase(Locale.ROOT);
    }
}
