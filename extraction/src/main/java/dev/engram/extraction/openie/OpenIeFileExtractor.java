package dev.engram.extraction.openie;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.engram.records.triples.Triple;
import dev.engram.extraction.triples.TripleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves the triples of a HippoRAG OpenIE output file ({@code {"docs": [{"title", "text", "passage",
 * "extracted_entities", "extracted_triples"}, ...]}}) as if it extracted them, so a graph can be built from
 * HippoRAG's own GPT extractions without an LLM. Passages are matched by title and text, by HippoRAG's
 * "title\ntext" passage string, or by text alone, ignoring whitespace differences. Thread-safe.
 */
public final class OpenIeFileExtractor implements TripleExtractor {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s:|\\-–—]+");

    /** One passage of the file, with its valid triples. */
    private record Passage(String title, List<String> entities, List<Triple> triples) {}

    private final Map<String, Passage> byPassage;
    private final Map<String, Passage> byText;
    private final OpenIeReport report;
    private final AtomicLong misses = new AtomicLong();

    private OpenIeFileExtractor(Map<String, Passage> byPassage, Map<String, Passage> byText, OpenIeReport report) {
        this.byPassage = byPassage;
        this.byText = byText;
        this.report = report;
    }

    /** Reads an OpenIE file (e.g. {@code openie-gpt-3.5-turbo-1106.json}). */
    public static OpenIeFileExtractor load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // HippoRAG writes NaN for its statistics of empty runs, which strict JSON rejects.
            ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
            return read(json.readTree(in), file.toString());
        }
    }

    private static OpenIeFileExtractor read(JsonNode root, String source) throws IOException {
        JsonNode docs = root == null ? null : root.get("docs");
        if (docs == null || !docs.isArray()) {
            throw new IOException(source + " is not a HippoRAG OpenIE file: no \"docs\" array");
        }
        Map<String, Passage> byPassage = new HashMap<>();
        Map<String, Passage> byText = new HashMap<>();
        Set<String> ambiguousTexts = new HashSet<>();
        Set<List<String>> overall = new HashSet<>();
        Set<String> entityNames = new HashSet<>();
        Set<String> tripleEntities = new HashSet<>();
        int total = 0;
        int valid = 0;
        int perPassage = 0;
        for (JsonNode doc : docs) {
            String title = doc.path("title").asText("");
            String text = doc.path("text").asText("");
            String passage = doc.path("passage").asText(PassageKeys.compose(title, text));
            if (!doc.has("text") && passage.contains("\n")) {
                // Older HippoRAG files carry only the composed passage: split it back into title and text.
                title = passage.substring(0, passage.indexOf('\n'));
                text = passage.substring(passage.indexOf('\n') + 1);
            }
            List<String> entities = new ArrayList<>();
            for (JsonNode e : doc.path("extracted_entities")) {
                if (e.isTextual() && !e.asText().isBlank()) {
                    entities.add(e.asText().strip());
                    entityNames.add(normalise(e.asText()));
                }
            }
            Set<Triple> triples = new LinkedHashSet<>();
            Set<List<String>> distinct = new HashSet<>();
            for (JsonNode t : doc.path("extracted_triples")) {
                total++;
                Optional<Triple> triple = triple(t);
                if (triple.isEmpty()) continue;
                valid++;
                Triple fact = triple.get();
                triples.add(fact);
                List<String> key = List.of(normalise(fact.subject()), normalise(fact.predicate()), normalise(fact.object()));
                distinct.add(key);
                overall.add(key);
                tripleEntities.add(key.get(0));
                tripleEntities.add(key.get(2));
            }
            perPassage += distinct.size();
            Passage entry = new Passage(title, List.copyOf(entities), List.copyOf(triples));
            byPassage.putIfAbsent(PassageKeys.key(passage), entry);
            String textKey = PassageKeys.key(text);
            if (byText.putIfAbsent(textKey, entry) != null) ambiguousTexts.add(textKey);
        }
        // A text shared by passages with different titles cannot identify one of them on its own.
        ambiguousTexts.forEach(byText::remove);
        OpenIeReport report = new OpenIeReport(docs.size(), total, valid, total - valid, perPassage, overall.size(),
                entityNames.size(), tripleEntities.size());
        return new OpenIeFileExtractor(Map.copyOf(byPassage), Map.copyOf(byText), report);
    }

    /** The file's valid triples for the passage, without exact duplicates; empty for a passage not in the file. */
    @Override
    public List<Triple> extract(String title, String text) {
        return find(title, text).map(Passage::triples).orElseGet(() -> {
            misses.incrementAndGet();
            return List.of();
        });
    }

    /** The named entities the file lists for the passage; empty for a passage not in the file. */
    public List<String> entitiesFor(String title, String text) {
        return find(title, text).map(Passage::entities).orElse(List.of());
    }

    /** Whether the file has the passage. */
    public boolean contains(String title, String text) {
        return find(title, text).isPresent();
    }

    /** Counts of what the file holds. */
    public OpenIeReport report() {
        return report;
    }

    /** Calls to {@link #extract} for passages the file does not have. */
    public long misses() {
        return misses.get();
    }

    private Optional<Passage> find(String title, String text) {
        if (text == null) return Optional.empty();
        String textKey = PassageKeys.key(text);
        Passage hit = byPassage.get(PassageKeys.key(PassageKeys.compose(title, text)));
        // The caller may hand over HippoRAG's composed passage as the text.
        if (hit == null) hit = byPassage.get(textKey);
        if (hit == null && title != null && !title.isBlank()) {
            String titleKey = PassageKeys.key(title);
            if (textKey.startsWith(titleKey)) {
                String rest = LEADING_SEPARATOR.matcher(textKey.substring(titleKey.length())).replaceFirst("");
                hit = byText.get(rest);
            }
        }
        if (hit == null) hit = byText.get(textKey);
        return Optional.ofNullable(hit);
    }

    private static Optional<Triple> triple(JsonNode t) {
        if (!t.isArray() || t.size() != 3) return Optional.empty();
        String[] parts = new String[3];
        for (int i = 0; i < 3; i++) {
            JsonNode part = t.get(i);
            if (part == null || !part.isTextual() || part.asText().isBlank()) return Optional.empty();
            parts[i] = part.asText().strip();
        }
        return Optional.of(new Triple(parts[0], parts[1], parts[2]));
    }

    private static String normalise(String s) {
        return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** How passages are composed and compared. */
    private static final class PassageKeys {
        static String compose(String title, String text) {
            return title == null || title.isBlank() ? text : title + "\n" + text;
        }

        static String key(String s) {
            return WHITESPACE.matcher(s).replaceAll(" ").strip();
        }
    }
}
