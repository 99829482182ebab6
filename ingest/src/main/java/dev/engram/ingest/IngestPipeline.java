package dev.engram.ingest;

import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.records.embedding.Embedder;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.knowledge.KnowledgeExtractor;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.PreparedKnowledge;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.lexical.LexicalWriteSummary;
import dev.engram.store.neo4j.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Documents in, graph out: skip unchanged documents, split, embed, extract knowledge, write the lexical and the
 * knowledge graph (whose resolvers add name mentions and synonyms), then mark the documents complete. Everything a
 * batch embeds (chunks, then new entity names and facts after extraction) happens on the caller's thread while the
 * previous batch is written on a second thread, so the writer only writes. A document is complete only after all
 * its writes, so an ingest killed midway and run again redoes the unfinished batch and duplicates nothing.
 */
public final class IngestPipeline {
    /** Chunks embedded between progress reports: a few embedder batches, enough to keep every core busy. */
    public static final int EMBED_SLICE = 256;

    private final Splitter splitter;
    private final Function<SourceDocument, String> hasher;
    private final Embedder embedder;
    private final KnowledgeExtractor extractor;
    private final LexicalWriter documents;
    private final KnowledgeStage knowledge;
    private final IngestOptions options;

    /**
     * The pipeline's components, each with one job: splitter → embedder → extractor → writers (lexical, knowledge
     * with its resolvers). Any of them can be swapped, in tests or for another store.
     *
     * @param hasher    content hash of a document, compared with the stored one to skip unchanged documents
     * @param extractor knowledge extractor, or null for the lexical graph only
     */
    public record Components(Splitter splitter, Function<SourceDocument, String> hasher, Embedder embedder,
                             KnowledgeExtractor extractor, LexicalWriter lexical, KnowledgeStage knowledge) {}

    /** A pipeline of the given components. */
    public IngestPipeline(Components components, IngestOptions options) {
        this.splitter = components.splitter();
        this.hasher = components.hasher();
        this.embedder = components.embedder();
        this.extractor = components.extractor();
        this.documents = components.lexical();
        this.knowledge = components.knowledge();
        this.options = options;
    }

    /**
     * The standard pipeline writing to {@code store}: its lexical writer, its knowledge writer with the name-mention
     * and synonym resolvers.
     *
     * @param extractor triple extractor, or null for the lexical graph only
     * @param hasher    content hash of a document, compared with the stored one to skip unchanged documents
     */
    public IngestPipeline(GraphStore store, Embedder embedder, Splitter chunker,
                          Function<SourceDocument, String> hasher, TripleExtractor extractor, IngestOptions options) {
        this(new Components(chunker, hasher, embedder, extractor == null ? null : new KnowledgeExtractor(extractor),
                LexicalWriter.of(store), KnowledgeStage.standard(store, embedder, options.synonyms())), options);
    }

    /** Reads every document of {@code source} into the graph. */
    public IngestReport run(DocumentSource source, IngestListener listener) {
        long start = System.nanoTime();
        KnowledgeStage knowledge = this.knowledge.forRun(source.estimatedCount());
        Counters counters = new Counters();
        StageTimes stages = counters.stages;
        listener.started(source.estimatedCount());
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "engram-ingest-writer"));
        try {
            Batcher batcher = new Batcher(writer, knowledge, counters, listener);
            try {
                source.forEach(batcher::add, problem -> {
                    counters.problems.add(problem);
                    listener.problem(problem);
                });
                batcher.flush();
            } catch (RuntimeException e) {
                // let the batch in flight finish its transactions before the writer is shut down
                try {
                    batcher.awaitPending();
                } catch (RuntimeException second) {
                    e.addSuppressed(second);
                }
                throw e;
            }
            batcher.awaitPending();
        } finally {
            writer.shutdownNow();
        }
        endOfRun(knowledge, counters, listener);
        long elapsed = System.nanoTime() - start;
        // what the embedding thread did besides its timed stages: reading, hashing, splitting, store look-ups
        long timed = 0;
        for (StageTimes.Stage s : StageTimes.Stage.values()) {
            timed += s.onWriterThread() ? 0 : stages.of(s).toNanos();
        }
        stages.add(StageTimes.Stage.LOAD_AND_SPLIT, Math.max(0, elapsed - timed));
        return new IngestReport(counters.read.get(), counters.written.get(), counters.unchanged.get(),
                counters.chunks.get(), counters.triples.get(), List.copyOf(counters.problems),
                Duration.ofNanos(elapsed), Duration.ofNanos(counters.embedNanos.get()),
                Duration.ofNanos(counters.extractNanos.get()), Duration.ofNanos(counters.writeNanos.get()),
                stages.all(), new IngestReport.Embedded(counters.chunksEmbedded.get(), counters.namesEmbedded.get(),
                counters.factsEmbedded.get()));
    }

    // what the stage does once after the last batch (an at-end run's name mentions, name vectors and synonyms)
    private static void endOfRun(KnowledgeStage knowledge, Counters counters, IngestListener listener) {
        long t = System.nanoTime();
        KnowledgeStage.EndOfRun.Done done = knowledge.endOfRun(counters.written.get() > 0);
        if (done != null) {
            counters.stages.add(StageTimes.Stage.END_NAME_EMBEDDING, done.embedNanos());
            counters.stages.add(StageTimes.Stage.END_OF_RUN, System.nanoTime() - t - done.embedNanos());
            counters.namesEmbedded.addAndGet(done.namesEmbedded());
            listener.note(done.summary());
        }
    }

    private static final class Counters {
        final AtomicLong read = new AtomicLong();
        final AtomicLong written = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong chunks = new AtomicLong();
        final AtomicLong triples = new AtomicLong();
        final AtomicLong embedNanos = new AtomicLong();
        final AtomicLong extractNanos = new AtomicLong();
        final AtomicLong writeNanos = new AtomicLong();
        final AtomicLong chunksEmbedded = new AtomicLong();
        final AtomicLong namesEmbedded = new AtomicLong();
        final AtomicLong factsEmbedded = new AtomicLong();
        final StageTimes stages = new StageTimes();
        final List<LoadProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** Collects documents into batches; embeds on the caller's thread and hands writing to the writer thread. */
    private final class Batcher {
        private final ExecutorService writer;
        private final KnowledgeStage knowledge;
        private final Counters counters;
        private final IngestListener listener;
        private final Map<String, SourceDocument> batch = new LinkedHashMap<>();
        private Future<?> pending;
        private PreparedKnowledge previous; // the batch being written while the next is prepared
        private boolean previousDropped; // writer thread only: the last batch wrote less than it was prepared with

        Batcher(ExecutorService writer, KnowledgeStage knowledge, Counters counters, IngestListener listener) {
            this.writer = writer;
            this.knowledge = knowledge;
            this.counters = counters;
            this.listener = listener;
        }

        void add(SourceDocument document) {
            counters.read.incrementAndGet();
            listener.documentRead(document.id(), utf8Length(document.text()));
            if (batch.containsKey(document.id())) {
                flush(); // the same id twice in a row: the later version replaces the earlier, in order
            }
            batch.put(document.id(), document);
            if (batch.size() >= options.batchDocuments()) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<SourceDocument> docs = new ArrayList<>(batch.values());
            batch.clear();
            Map<String, String> stored = documents.existingHashes(docs.stream().map(SourceDocument::id).toList());
            List<Prepared> prepared = new ArrayList<>();
            for (SourceDocument doc : docs) {
                String sha = accessAwareHash(hasher.apply(doc));
                if (sha.equals(stored.get(doc.id()))) {
                    counters.unchanged.incrementAndGet();
                    listener.documentDone(doc.id(), 0, 0, true);
                    continue;
                }
                try {
                    prepared.add(new Prepared(doc, sha, splitter.split(doc)));
                } catch (RuntimeException e) {
                    report(doc, "cannot be chunked: " + e.getMessage());
                }
            }
            if (prepared.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            List<String> texts = new ArrayList<>();
            prepared.forEach(p -> p.chunks.forEach(c -> texts.add(embeddingText(p.document, c))));
            listener.chunksSplit(texts.size());
            List<float[]> vectors = new ArrayList<>(texts.size());
            // in slices, so that progress moves inside one large document as well
            for (int from = 0; from < texts.size(); from += EMBED_SLICE) {
                List<String> slice = texts.subList(from, Math.min(texts.size(), from + EMBED_SLICE));
                vectors.addAll(embedder.embedPassages(slice));
                listener.chunksEmbedded(slice.size());
            }
            counters.embedNanos.addAndGet(System.nanoTime() - t);
            counters.stages.add(StageTimes.Stage.CHUNK_EMBEDDING, System.nanoTime() - t);
            counters.chunksEmbedded.addAndGet(texts.size());
            int offset = 0;
            List<DocumentRecord> records = new ArrayList<>(prepared.size());
            for (Prepared p : prepared) {
                List<float[]> own = vectors.subList(offset, offset + p.chunks.size());
                offset += p.chunks.size();
                records.add(new DocumentRecord(p.document, p.sha, options.tenant(), options.acl(), p.chunks,
                        new ArrayList<>(own)));
            }
            t = System.nanoTime();
            KnowledgeExtractor.Result built = extractor == null ? KnowledgeExtractor.Result.EMPTY : extractor.extract(records);
            counters.extractNanos.addAndGet(System.nanoTime() - t);
            counters.stages.add(StageTimes.Stage.EXTRACTION, System.nanoTime() - t);
            // new names and facts embedded here too, against the batch still being written (see KnowledgeWriter#prepare)
            PreparedKnowledge knowledgeReady = built.knowledge().isEmpty() ? PreparedKnowledge.EMPTY
                    : knowledge.prepare(built.knowledge(), previous);
            counters.stages.add(StageTimes.Stage.KNOWLEDGE_EMBEDDING, knowledgeReady.embedded().nanos());
            counters.namesEmbedded.addAndGet(knowledgeReady.embedded().names());
            counters.factsEmbedded.addAndGet(knowledgeReady.embedded().facts());
            awaitPending();
            previous = knowledgeReady;
            pending = writer.submit(() -> write(records, built, knowledgeReady));
        }

        private void write(List<DocumentRecord> batch, KnowledgeExtractor.Result built, PreparedKnowledge ready) {
            List<DocumentRecord> records = batch;
            built.failures().forEach((id, message) -> report(id, message));
            long writeStart = System.nanoTime();
            LexicalWriteSummary lexical = documents.write(records);
            List<String> refused = lexical.refused();
            counters.stages.add(StageTimes.Stage.LEXICAL_WRITES, System.nanoTime() - writeStart);
            List<ChunkKnowledge> chunkKnowledge = built.knowledge();
            if (!refused.isEmpty()) {
                // another tenant owns these ids: none of this batch's knowledge may land on that tenant's chunks
                Set<String> out = Set.copyOf(refused);
                Set<String> outChunks = new HashSet<>();
                records.stream().filter(r -> out.contains(r.id())).forEach(r -> r.chunks().forEach(c -> outChunks.add(c.id())));
                chunkKnowledge = chunkKnowledge.stream().filter(k -> !outChunks.contains(k.chunkId())).toList();
                records = records.stream().filter(r -> !out.contains(r.id())).toList();
                refused.forEach(id -> report(id, DocumentWriter.REFUSED_MESSAGE));
            }
            // this batch and the next were prepared against the graph as it stood: a refused document's knowledge is
            // not written, and replacing a document deletes what only its old version supported, so both look again
            // (rare: a changed or resumed document, or another tenant's id)
            boolean dropped = !refused.isEmpty() || lexical.documentsReplaced() > 0;
            boolean asPrepared = !dropped && !previousDropped;
            previousDropped = dropped;
            if (!chunkKnowledge.isEmpty()) {
                record(asPrepared ? knowledge.write(ready) : knowledge.write(chunkKnowledge));
            }
            long t = System.nanoTime();
            documents.markComplete(records.stream().map(DocumentRecord::id).toList());
            counters.stages.add(StageTimes.Stage.COMPLETION, System.nanoTime() - t);
            counters.writeNanos.addAndGet(System.nanoTime() - writeStart);
            for (DocumentRecord r : records) {
                counters.written.incrementAndGet();
                counters.chunks.addAndGet(r.chunks().size());
                int triples = built.triplesPerDocument().getOrDefault(r.id(), 0);
                counters.triples.addAndGet(triples);
                listener.documentDone(r.id(), r.chunks().size(), triples, false);
            }
        }

        private void record(KnowledgeStage.Result result) {
            KnowledgeStage.Timings t = result.timings();
            counters.stages.add(StageTimes.Stage.KNOWLEDGE_EMBEDDING, t.embedding()); // 0 unless embedded here
            counters.stages.add(StageTimes.Stage.KNOWLEDGE_WRITES, t.write() - t.embedding());
            t.resolvers().forEach((name, nanos) -> {
                StageTimes.Stage stage = StageTimes.Stage.ofResolver(name);
                counters.stages.add(stage == null ? StageTimes.Stage.KNOWLEDGE_WRITES : stage, nanos);
            });
            counters.stages.add(StageTimes.Stage.CHUNK_COUNTS, t.recount());
            if (t.embedding() > 0) { // a batch written the slow way embedded again what it needed
                counters.namesEmbedded.addAndGet(result.written().embedded().names());
                counters.factsEmbedded.addAndGet(result.written().embedded().facts());
            }
        }

        void awaitPending() {
            if (pending == null) {
                return;
            }
            long t = System.nanoTime();
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ingest interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException("writing a batch failed: " + e.getCause(), e.getCause());
            } finally {
                pending = null;
                counters.stages.add(StageTimes.Stage.WRITER_WAIT, System.nanoTime() - t);
            }
        }

        private void report(SourceDocument doc, String message) {
            report(doc.id(), message);
        }

        private void report(String documentId, String message) {
            LoadProblem problem = new LoadProblem(documentId, 0, message);
            counters.problems.add(problem);
            listener.problem(problem);
        }
    }

    /**
     * What a chunk is embedded as: its document's title, then its text. Encyclopaedic passages often name their
     * subject only in the title ("He was born in..."), and questions name it.
     */
    public static String embeddingText(SourceDocument document, TextChunk chunk) {
        String title = document.title();
        return title == null || title.isBlank() || chunk.text().startsWith(title) ? chunk.text() : title + "\n" + chunk.text();
    }

    /** Folds tenant and ACL into the content hash, so re-ingesting with other access rights rewrites the document. */
    /** The hash this pipeline stores for {@code document}: its content hash, bound to the tenant and acl written. */
    public String storedHashOf(SourceDocument document) {
        return accessAwareHash(hasher.apply(document));
    }

    private String accessAwareHash(String contentHash) {
        if (options.tenant() == null && options.acl().isEmpty()) {
            return contentHash;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (contentHash + "\u0000" + options.tenant() + "\u0000" + String.join("\u0000", options.acl()))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private record Prepared(SourceDocument document, String sha, List<TextChunk> chunks) {}
}
