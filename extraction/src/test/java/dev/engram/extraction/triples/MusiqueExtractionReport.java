package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import dev.engram.records.triples.EntityNormalizer;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Not a test: prints the extractor's figures on a corpus (triples per passage, distinct normalized entities,
 * single-thread throughput) and, given HippoRAG's GPT-3.5 OpenIE file for it, how much of GPT's output it
 * covers. Usage: {@code MusiqueExtractionReport corpus.jsonl [openie.json]}.
 */
public final class MusiqueExtractionReport {

    private MusiqueExtractionReport() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        List<JsonNode> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            docs.add(json.readTree(line));
        }
        EntityNormalizer normalizer = new EntityNormalizer();
        RuleTripleExtractor extractor = new RuleTripleExtractor();
        List<List<Triple>> extracted = new ArrayList<>();
        Set<String> entities = new HashSet<>();
        long triples = 0;
        for (JsonNode doc : docs) {
            List<Triple> found = extractor.extract(doc.get("title").asText(), doc.get("text").asText());
            extracted.add(found);
            triples += found.size();
            for (Triple t : found) {
                entities.add(normalizer.normalize(t.subject()));
                entities.add(normalizer.normalize(t.object()));
            }
        }
        System.out.printf("passages=%d triples=%d triples/passage=%.2f distinct normalized entities=%d%n",
                docs.size(), triples, (double) triples / docs.size(), entities.size());
        if (args.length > 1) {
            compareWithGpt(json.readTree(Path.of(args[1]).toFile()).get("docs"), extracted, normalizer);
        }
        for (int warm = 0; warm < 3; warm++) {
            docs.forEach(d -> extractor.extract(d.get("title").asText(), d.get("text").asText()));
        }
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            docs.forEach(d -> extractor.extract(d.get("title").asText(), d.get("text").asText()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("single thread run %d: %.0f passages/s%n", run, docs.size() / seconds);
        }
    }

    private static void compareWithGpt(JsonNode gptDocs, List<List<Triple>> extracted, EntityNormalizer normalizer) {
        long gptEntities = 0;
        long covered = 0;
        long gptTriples = 0;
        long pairs = 0;
        for (int i = 0; i < extracted.size(); i++) {
            Set<String> ours = new HashSet<>();
            Set<String> ourPairs = new HashSet<>();
            for (Triple t : extracted.get(i)) {
                String s = normalizer.normalize(t.subject());
                String o = normalizer.normalize(t.object());
                ours.add(s);
                ours.add(o);
                ourPairs.add(s + "|" + o);
            }
            Set<String> theirs = new HashSet<>();
            gptDocs.get(i).get("extracted_entities").forEach(e -> theirs.add(normalizer.normalize(e.asText())));
            theirs.remove("");
            gptEntities += theirs.size();
            covered += theirs.stream().filter(ours::contains).count();
            for (JsonNode t : gptDocs.get(i).get("extracted_triples")) {
                if (t.size() == 3) {
                    gptTriples++;
                    String s = normalizer.normalize(t.get(0).asText());
                    String o = normalizer.normalize(t.get(2).asText());
                    pairs += ourPairs.contains(s + "|" + o) || ourPairs.contains(o + "|" + s) ? 1 : 0;
                }
            }
        }
        System.out.printf("GPT entities also in our triples: %d/%d (%.1f%%); GPT triples whose subject-object pair "
                + "we extract: %d/%d (%.1f%%)%n", covered, gptEntities, 100.0 * covered / gptEntities, pairs,
                gptTriples, 100.0 * pairs / gptTriples);
    }
}
