package dev.engram.retrieval.global;

import dev.engram.pagerank.CsrGraph;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.store.community.CitedLine;
import dev.engram.store.community.CommunityHierarchy;
import dev.engram.store.community.CommunityProgress;
import dev.engram.store.community.CommunityRecord;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.lookup.ChunkLookup.ChunkText;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Offline community summaries, from readable material only: a title from the most central members (weighted degree
 * inside the community), keywords (the next members and the most frequent predicates), the most informative
 * relations verbalized (support × centrality of both ends), and up to three representative sentences picked from
 * the community's chunks by greedy coverage of its central members. Every fact and sentence cites a chunk the
 * {@link AccessMask} lets the caller read; counts cover readable chunks only. Thread-safe (no state).
 */
public final class CommunitySummarizer {
    static final int TITLE_ENTITIES = 3;
    static final int KEYWORDS = 8;
    static final int FACTS = 5;
    static final int SENTENCES = 3;
    private static final int MAX_SENTENCE_CHARS = 320;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");

    private final Function<List<String>, Map<String, ChunkText>> chunkTexts;

    /** A summarizer reading chunk texts through {@code lookup}. */
    public CommunitySummarizer(ChunkLookup lookup) {
        this(lookup::byIds);
    }

    /** A summarizer reading chunk texts by id through any function. */
    public CommunitySummarizer(Function<List<String>, Map<String, ChunkText>> chunkTexts) {
        this.chunkTexts = chunkTexts;
    }

    /** Summaries of every community of the hierarchy, in hierarchy order, from what {@code mask} may read. */
    public List<CommunityRecord> summarize(GraphProjection projection, AccessMask mask, CommunityHierarchy hierarchy,
                                           CommunityProgress progress) {
        return summarize(projection, mask, hierarchy, Map.of(), progress);
    }

    /**
     * Summaries as above; a community in {@code ownedChunks} (id to ascending chunk nodes: a theme) is summarized from
     * its own readable chunks only, and owns them.
     */
    public List<CommunityRecord> summarize(GraphProjection projection, AccessMask mask, CommunityHierarchy hierarchy,
                                           Map<String, int[]> ownedChunks, CommunityProgress progress) {
        List<Material> materials = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        long done = 0;
        for (CommunityHierarchy.Community c : hierarchy.communities()) {
            int[] owned = ownedChunks.get(c.id());
            IntPredicate readable = owned == null ? mask::chunk
                    : chunk -> mask.chunk(chunk) && Arrays.binarySearch(owned, chunk) >= 0;
            Material m = material(projection, readable, mask, c, owned);
            materials.add(m);
            m.chosenChunks().forEach(node -> wanted.add(projection.nodeId(node)));
            progress.advance("summaries", ++done, hierarchy.communities().size() * 2L);
        }
        Map<String, ChunkText> texts = new HashMap<>();
        List<String> ids = new ArrayList<>(wanted);
        for (int from = 0; from < ids.size(); from += 1000) {
            texts.putAll(chunkTexts.apply(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        List<CommunityRecord> out = new ArrayList<>(materials.size());
        for (Material m : materials) {
            out.add(m.record(projection, texts));
            progress.advance("summaries", ++done, hierarchy.communities().size() * 2L);
        }
        return out;
    }

    /** What one community's summary is made of, before chunk texts are read. */
    private record Material(CommunityHierarchy.Community community, int[] ranked, double[] centrality,
                            List<CitedFact> facts, List<String> predicates, List<Integer> chosenChunks,
                            Map<Integer, int[]> chunkMembers, int chunkCount, int documentCount,
                            List<Integer> ownedChunks) {

        CommunityRecord record(GraphProjection p, Map<String, ChunkText> texts) {
            List<String> names = new ArrayList<>();
            for (int e : ranked) names.add(p.entityName(e));
            String title = String.join(", ", names.subList(0, Math.min(TITLE_ENTITIES, names.size())));
            List<String> keywords = new ArrayList<>();
            for (int i = TITLE_ENTITIES; i < names.size() && keywords.size() < KEYWORDS - 3; i++) {
                keywords.add(names.get(i));
            }
            for (String predicate : predicates) {
                if (keywords.size() >= KEYWORDS) break;
                keywords.add(predicate);
            }
            List<CitedLine> factLines = new ArrayList<>();
            for (CitedFact f : facts) {
                ChunkText t = texts.get(f.chunkId());
                factLines.add(new CitedLine(f.text(), f.chunkId(), p.chunkDocumentId(p.node(f.chunkId())),
                        t == null ? "" : t.title()));
            }
            List<CitedLine> sentences = new ArrayList<>();
            for (int chunk : chosenChunks) {
                ChunkText t = texts.get(p.nodeId(chunk));
                if (t == null || t.text() == null || t.text().isBlank()) continue;
                String sentence = bestSentence(t.text(), chunkMembers.get(chunk), p);
                sentences.add(new CitedLine(sentence, t.chunkId(), t.documentId(), t.title()));
            }
            List<String> entityIds = new ArrayList<>();
            for (int e : ranked) entityIds.add(p.nodeId(e));
            List<String> chunkIds = new ArrayList<>(ownedChunks.size());
            for (int c : ownedChunks) chunkIds.add(p.nodeId(c));
            StringBuilder summary = new StringBuilder(title).append('.');
            if (!keywords.isEmpty()) summary.append(" Keywords: ").append(String.join(", ", keywords)).append('.');
            for (CitedLine f : factLines) summary.append(' ').append(f.text()).append('.');
            for (CitedLine s : sentences) summary.append(' ').append(s.text());
            return new CommunityRecord(community.id(), community.level(), community.parentId(), ranked.length, title,
                    keywords, factLines, sentences, summary.toString().strip(), null, chunkCount, documentCount,
                    entityIds, chunkIds, null);
        }
    }

    private record CitedFact(String text, String chunkId, double score) {}

    private static Material material(GraphProjection p, IntPredicate readable, AccessMask mask,
                                     CommunityHierarchy.Community c, int[] owned) {
        CsrGraph g = p.graph();
        int[] members = c.entities();
        Set<Integer> memberSet = new HashSet<>();
        for (int e : members) memberSet.add(e);
        Map<Integer, Double> centrality = new HashMap<>();
        Map<Integer, Integer> readableMentions = new HashMap<>(); // ties broken by what the caller may read only
        Map<Integer, List<Integer>> mentions = new TreeMap<>(); // chunk -> members it mentions, chunks in node order
        for (int u : members) {
            double degree = 0;
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                int v = g.target(a);
                if (g.weight(a) <= 0f) continue;
                if (p.isChunk(v)) {
                    if (readable.test(v)) {
                        mentions.computeIfAbsent(v, k -> new ArrayList<>()).add(u);
                        readableMentions.merge(u, 1, Integer::sum);
                    }
                } else if (v != u && memberSet.contains(v)) {
                    degree += g.weight(a);
                }
            }
            centrality.put(u, degree);
        }
        int[] ranked = Arrays.stream(members).boxed()
                .sorted(Comparator.<Integer>comparingDouble(e -> -centrality.get(e))
                        .thenComparingInt(e -> -readableMentions.getOrDefault(e, 0)).thenComparing(p::entityName))
                .mapToInt(Integer::intValue).toArray();

        List<CitedFact> facts = new ArrayList<>();
        Map<String, Integer> predicateCounts = new LinkedHashMap<>();
        for (int u : members) {
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                int v = g.target(a);
                if (g.weight(a) <= 0f || v == u || !memberSet.contains(v)) continue;
                int edge = p.relationBetween(u, v); // the pair's first relation, stated once, from its subject
                if (edge < 0 || p.relationSubject(edge) != u) continue;
                String chunk = firstReadable(p, mask, p.relationChunkIds(edge));
                if (chunk == null) continue;
                String predicate = p.relationPredicate(edge);
                predicateCounts.merge(predicate.toLowerCase(Locale.ROOT), 1, Integer::sum);
                double score = g.weight(a) * (1 + centrality.get(u) + centrality.get(v));
                facts.add(new CitedFact(p.entityName(p.relationSubject(edge)) + " " + predicate + " "
                        + p.entityName(p.relationObject(edge)), chunk, score));
            }
        }
        facts.sort(Comparator.comparingDouble((CitedFact f) -> -f.score()).thenComparing(CitedFact::text));
        List<CitedFact> topFacts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CitedFact f : facts) {
            if (topFacts.size() >= FACTS) break;
            if (seen.add(f.text().toLowerCase(Locale.ROOT))) topFacts.add(f);
        }
        List<String> predicates = predicateCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).filter(s -> !s.isBlank()).limit(3).toList();

        // greedy coverage: each next chunk adds the most not-yet-covered centrality
        Set<Integer> covered = new HashSet<>();
        List<Integer> chosen = new ArrayList<>();
        Map<Integer, int[]> chunkMembers = new HashMap<>();
        while (chosen.size() < SENTENCES) {
            int best = -1;
            double bestGain = 0;
            for (Map.Entry<Integer, List<Integer>> e : mentions.entrySet()) {
                if (chosen.contains(e.getKey())) continue;
                double gain = 0;
                for (int u : e.getValue()) {
                    if (!covered.contains(u)) gain += 1 + centrality.get(u);
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = e.getKey();
                }
            }
            if (best < 0) break;
            chosen.add(best);
            covered.addAll(mentions.get(best));
            chunkMembers.put(best, mentions.get(best).stream().mapToInt(Integer::intValue).toArray());
        }
        // a theme counts the readable chunks it owns; a community those mentioning a member
        List<Integer> ownedReadable = new ArrayList<>();
        if (owned != null) {
            for (int chunk : owned) {
                if (mask.chunk(chunk)) ownedReadable.add(chunk);
            }
        }
        Set<String> documents = new HashSet<>();
        for (int chunk : owned == null ? mentions.keySet() : ownedReadable) {
            String d = p.chunkDocumentId(chunk);
            if (d != null) documents.add(d);
        }
        double[] cent = new double[ranked.length];
        for (int i = 0; i < ranked.length; i++) cent[i] = centrality.get(ranked[i]);
        return new Material(c, ranked, cent, topFacts, predicates, chosen, chunkMembers,
                owned == null ? mentions.size() : ownedReadable.size(), documents.size(), ownedReadable);
    }

    private static String firstReadable(GraphProjection p, AccessMask mask, List<String> chunkIds) {
        for (String id : chunkIds) {
            int node = p.node(id);
            if (node >= 0 && mask.chunk(node)) return id;
        }
        return null;
    }

    /** The sentence of a chunk naming most of the community members it mentions; the first one on a tie. */
    static String bestSentence(String text, int[] members, GraphProjection p) {
        String[] sentences = SENTENCE_END.split(text.strip());
        String best = sentences[0];
        int bestHits = -1;
        for (String s : sentences) {
            String lower = s.toLowerCase(Locale.ROOT);
            int hits = 0;
            if (members != null) {
                for (int e : members) {
                    if (lower.contains(p.entityName(e).toLowerCase(Locale.ROOT))) hits++;
                }
            }
            if (hits > bestHits) {
                bestHits = hits;
                best = s;
            }
        }
        String flat = best.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SENTENCE_CHARS ? flat : flat.substring(0, MAX_SENTENCE_CHARS - 1) + "…";
    }
}
