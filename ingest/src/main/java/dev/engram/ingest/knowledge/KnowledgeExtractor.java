package dev.engram.ingest.knowledge;

import dev.engram.records.document.TextChunk;
import dev.engram.extraction.llm.LlmException;
import dev.engram.records.triples.EntityNormalizer;
import dev.engram.records.triples.Triple;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.lexical.DocumentRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns chunks into knowledge records: triples from the extractor with entity ids normalised, every subject and
 * object mentioned by its chunk, and the document's title as an entity every chunk of it mentions (an encyclopaedic
 * passage is about its title, and questions name titles). A document whose extraction fails keeps its lexical
 * graph and is reported.
 */
public final class KnowledgeExtractor {
    /** Knowledge per chunk, triples per document, and the documents whose extraction failed with why. */
    public record Result(List<ChunkKnowledge> knowledge, Map<String, Integer> triplesPerDocument, Map<String, String> failures) {
        /** No knowledge (the lexical-only pipeline). */
        public static final Result EMPTY = new Result(List.of(), Map.of(), Map.of());
    }

    private final TripleExtractor extractor;
    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** Knowledge from the triples of {@code extractor}. */
    public KnowledgeExtractor(TripleExtractor extractor) {
        this.extractor = extractor;
    }

    /** The knowledge of every chunk of these documents; a document whose extraction fails is reported, not thrown. */
    public Result extract(List<DocumentRecord> records) {
        List<ChunkKnowledge> out = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (DocumentRecord record : records) {
            String title = record.document().title() == null ? "" : record.document().title();
            List<ChunkKnowledge> own = new ArrayList<>();
            int triples = 0;
            try {
                for (TextChunk chunk : record.chunks()) {
                    ChunkKnowledge k = forChunk(title, chunk);
                    triples += k.facts().size();
                    own.add(k);
                }
            } catch (LlmException e) {
                throw e; // the LLM server is down or refusing: stop here, a re-run resumes from its cache
            } catch (RuntimeException e) {
                failures.put(record.id(), "triple extraction failed: " + e.getMessage());
                continue;
            }
            out.addAll(own);
            counts.put(record.id(), triples);
        }
        return new Result(out, counts, failures);
    }

    private ChunkKnowledge forChunk(String title, TextChunk chunk) {
        Map<String, EntityRecord> mentions = new LinkedHashMap<>();
        addEntity(mentions, title);
        List<FactRecord> facts = new ArrayList<>();
        for (Triple t : extractor.extract(title, chunk.text())) {
            EntityRecord s = addEntity(mentions, t.subject());
            EntityRecord o = addEntity(mentions, t.object());
            String predicate = t.predicate() == null ? "" : t.predicate().strip().toLowerCase(Locale.ROOT);
            if (s != null && o != null && !predicate.isEmpty() && !s.id().equals(o.id())) {
                facts.add(new FactRecord(s.id(), predicate, o.id(), chunk.id()));
            }
        }
        return new ChunkKnowledge(chunk.id(), new ArrayList<>(mentions.values()), facts);
    }

    private EntityRecord addEntity(Map<String, EntityRecord> mentions, String surface) {
        if (surface == null || surface.isBlank()) {
            return null;
        }
        String id = normalizer.normalize(surface);
        if (id.isEmpty()) {
            return null;
        }
        return mentions.computeIfAbsent(id, k -> new EntityRecord(k, surface.strip()));
    }
}
