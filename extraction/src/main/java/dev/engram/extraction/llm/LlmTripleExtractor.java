package dev.engram.extraction.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.records.triples.Triple;
import dev.engram.extraction.triples.TripleExtractor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HippoRAG-style OpenIE through an LLM: first the passage's named entities, then triples that use them. Unusable
 * answers skip the passage (logged and listed in {@link #problems()}) rather than failing a batch; answers are cached
 * on disk when the client's config has a cache directory. Thread-safe.
 *
 * <p>Failures of the server itself (unreachable, timeouts, 5xx after retries, authentication) are thrown as
 * {@link LlmException}: they are not about one passage, and the cache lets a re-run resume where it stopped.
 */
public final class LlmTripleExtractor implements TripleExtractor {

    private static final Logger log = LoggerFactory.getLogger(LlmTripleExtractor.class);
    private static final int ENTITY_MAX_TOKENS = 1024;
    private static final int TRIPLE_MAX_TOKENS = 4096;
    private static final int OUTPUT_SNIPPET = 200;

    private final OpenAiClient client;
    private final ResponseCache cache;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<ExtractionProblem> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong passages = new AtomicLong();
    private final AtomicLong llmCalls = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong repaired = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong triples = new AtomicLong();

    /** An extractor over {@code client}, caching under the client config's {@code cacheDir} if it has one. */
    public LlmTripleExtractor(OpenAiClient client) {
        this.client = client;
        this.cache = client.config().cacheDir() == null ? null : new ResponseCache(client.config().cacheDir());
    }

    @Override
    public List<Triple> extract(String title, String text) {
        if (text == null || text.isBlank()) return List.of();
        passages.incrementAndGet();
        String passage = ExtractionPrompts.passage(title, text);
        Optional<List<String>> entities = entities(title, passage);
        if (entities.isEmpty()) return fail();
        Optional<List<Triple>> result = triples(title, passage, entities.get());
        if (result.isEmpty()) return fail();
        triples.addAndGet(result.get().size());
        return result.get();
    }

    /** The named entities of a passage (the first extraction step alone); empty if the answer was unusable. */
    public List<String> namedEntities(String title, String text) {
        if (text == null || text.isBlank()) return List.of();
        return entities(title, ExtractionPrompts.passage(title, text)).orElse(List.of());
    }

    /** Passages skipped so far and why, oldest first. */
    public List<ExtractionProblem> problems() {
        return List.copyOf(problems);
    }

    /** Counters so far. */
    public ExtractionStats stats() {
        return new ExtractionStats(passages.get(), llmCalls.get(), cacheHits.get(), repaired.get(), dropped.get(),
                failed.get(), triples.get());
    }

    private List<Triple> fail() {
        failed.incrementAndGet();
        return List.of();
    }

    private Optional<List<String>> entities(String title, String passage) {
        return ask(title, "entities", ExtractionPrompts.entities(passage), ENTITY_MAX_TOKENS, node -> {
            JsonNode list = node.isArray() ? node : node.has("named_entities") ? node.get("named_entities") : node.get("entities");
            if (list == null || !list.isArray()) return Optional.empty();
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode item : list) {
                String name = scalar(item);
                if (name != null) names.add(name);
            }
            return Optional.of(List.copyOf(names));
        });
    }

    private Optional<List<Triple>> triples(String title, String passage, List<String> entities) {
        String entitiesJson;
        try {
            entitiesJson = json.writeValueAsString(json.createObjectNode().set("named_entities", json.valueToTree(entities)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise entity list", e);
        }
        return ask(title, "triples", ExtractionPrompts.triples(passage, entitiesJson), TRIPLE_MAX_TOKENS, node -> {
            JsonNode list = node.isArray() ? node : node.get("triples");
            if (list == null || !list.isArray()) return Optional.empty();
            Set<Triple> facts = new LinkedHashSet<>();
            for (JsonNode item : list) {
                Triple triple = item.isArray() && item.size() == 3
                        ? triple(scalar(item.get(0)), scalar(item.get(1)), scalar(item.get(2)))
                        : null;
                if (triple == null) {
                    dropped.incrementAndGet();
                } else {
                    facts.add(triple);
                }
            }
            return Optional.of(List.copyOf(facts));
        });
    }

    /** Reads an answer; {@code read} maps the parsed JSON to a result, or empty if it lacks what was asked for. */
    private <T> Optional<T> ask(String title, String step, List<ChatMessage> messages, int maxTokens,
                                Function<JsonNode, Optional<T>> read) {
        String model = client.config().model();
        String key = ResponseCache.key(ExtractionPrompts.VERSION, model, json(messages));
        Optional<String> cached = cache == null ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            Optional<T> result = LenientJson.parse(cached.get()).flatMap(p -> read.apply(p.value()));
            if (result.isPresent()) {
                cacheHits.incrementAndGet();
                return result;
            }
        }
        String answer;
        try {
            llmCalls.incrementAndGet();
            answer = client.complete(messages, ChatOptions.defaults().withTemperature(0).withMaxTokens(maxTokens).asJson())
                    .content();
        } catch (LlmException e) {
            if (!aboutThisPassage(e)) throw e;
            return report(title, step, e.getMessage(), "");
        }
        Optional<LenientJson.Parsed> parsed = LenientJson.parse(answer);
        if (parsed.isEmpty()) return report(title, step, "no JSON in the answer", answer);
        Optional<T> result = read.apply(parsed.get().value());
        if (result.isEmpty()) return report(title, step, "the JSON lacks the expected list", answer);
        if (parsed.get().repaired()) repaired.incrementAndGet();
        // Only usable answers are cached, so a re-run asks again about the passages that failed.
        if (cache != null) cache.put(key, model, answer);
        return result;
    }

    /** Whether a failure concerns this passage's request (too long, rejected, garbled) rather than the server. */
    private static boolean aboutThisPassage(LlmException e) {
        int status = e.status();
        return status == 200 || status == 400 || status == 413 || status == 422;
    }

    private <T> Optional<T> report(String title, String step, String reason, String answer) {
        String snippet = answer.length() > OUTPUT_SNIPPET ? answer.substring(0, OUTPUT_SNIPPET) + "..." : answer;
        problems.add(new ExtractionProblem(title, step, reason, snippet));
        log.warn("LLM {} extraction skipped passage '{}': {}; answer began: {}", step, title, reason, snippet);
        return Optional.empty();
    }

    private static Triple triple(String subject, String predicate, String object) {
        if (subject == null || predicate == null || object == null) return null;
        return new Triple(subject, predicate, object);
    }

    /** Text of a string or number node, trimmed; null for anything else or blank. */
    private static String scalar(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) return null;
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private String json(List<ChatMessage> messages) {
        try {
            return json.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise messages", e);
        }
    }
}
