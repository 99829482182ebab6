package dev.engram.retrieval.global;

import dev.engram.records.embedding.Embedder;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.store.community.CommunityHierarchy;
import dev.engram.store.community.CommunityProgress;
import dev.engram.store.community.CommunityRecord;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.EntityNetwork;
import dev.engram.store.community.HierarchicalLeiden;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link CommunityView} from a projection: hierarchical Leiden on its entity graph, offline summaries from
 * what the mask may read, optionally LLM reports from the same material, and embeddings of the summaries (what
 * {@code global} questions are ranked against). Thread-safe.
 */
public final class CommunityBuilder {
    private static final int EMBED_BATCH = 64;

    private final CommunitySettings settings;
    private final HierarchicalLeiden leiden;
    private final CommunitySummarizer summarizer;
    private final Embedder embedder;
    private final Optional<CommunityReporter> reporter;
    private final Function<List<String>, Map<String, float[]>> chunkVectors;

    /**
     * A builder with these parts; {@code reporter} empty for offline summaries only; {@code chunkVectors} gives the
     * stored embeddings of chunks by id (the theme level clusters passages by them).
     */
    public CommunityBuilder(CommunitySettings settings, CommunitySummarizer summarizer, Embedder embedder,
                            Optional<CommunityReporter> reporter, Function<List<String>, Map<String, float[]>> chunkVectors) {
        this.settings = settings;
        this.chunkVectors = chunkVectors;
        this.leiden = new HierarchicalLeiden(settings);
        this.summarizer = summarizer;
        this.embedder = embedder;
        this.reporter = reporter;
    }

    /** Whether LLM reports are written. */
    public boolean writesReports() {
        return reporter.isPresent();
    }

    /** The communities of {@code projection} as {@code mask} may see them. */
    public CommunityView build(GraphProjection projection, AccessMask mask, boolean withReports,
                               CommunityProgress progress) {
        EntityNetwork network = EntityNetwork.of(projection);
        CommunityHierarchy hierarchy = leiden.detect(network, progress);
        List<CommunityRecord> records = embed(summarizer.summarize(projection, mask, hierarchy, progress), progress);
        List<CommunityRecord> top = records.stream().filter(r -> r.level() == 0).toList();
        if (settings.themeNeighbours() > 0 && top.size() > 2) {
            records = withThemes(projection, mask, hierarchy, records, progress);
        }
        if (withReports && reporter.isPresent()) {
            List<CommunityRecord> reported = new ArrayList<>(records.size());
            long done = 0;
            for (CommunityRecord r : records) {
                reported.add(r.withReport(reporter.get().report(r)));
                progress.advance("reports", ++done, records.size());
            }
            records = embed(reported, progress);
        }
        return new CommunityView(records, hierarchy.modularity(), false);
    }

    private List<CommunityRecord> withThemes(GraphProjection projection, AccessMask mask, CommunityHierarchy hierarchy,
                                             List<CommunityRecord> records, CommunityProgress progress) {
        progress.advance("themes", 0, 1);
        List<String> readable = new ArrayList<>();
        for (int c = projection.entityCount(); c < projection.graph().nodeCount(); c++) {
            if (mask.chunk(c)) readable.add(projection.nodeId(c));
        }
        Map<String, float[]> vectors = new HashMap<>();
        if (readable.size() <= ThemeLevel.MAX_KNN_PASSAGES) {
            for (int from = 0; from < readable.size(); from += 1000) {
                vectors.putAll(chunkVectors.apply(readable.subList(from, Math.min(readable.size(), from + 1000))));
            }
        }
        ThemeLevel.Themes themeOf = ThemeLevel.group(projection, mask, hierarchy.level(0), vectors, settings);
        ThemeLevel.Placed placed = ThemeLevel.withThemes(hierarchy, themeOf);
        CommunityHierarchy withThemes = placed.hierarchy();
        CommunityHierarchy themesOnly = new CommunityHierarchy(withThemes.level(0), hierarchy.modularity(),
                hierarchy.nodeCount());
        List<CommunityRecord> themes = embed(summarizer.summarize(projection, mask, themesOnly, placed.themeChunks(),
                progress), progress);
        Map<String, CommunityHierarchy.Community> byId = withThemes.byId();
        List<CommunityRecord> out = new ArrayList<>(themes);
        for (CommunityRecord r : records) {
            CommunityHierarchy.Community c = byId.get(r.id());
            out.add(r.at(c.level(), c.parentId()));
        }
        progress.advance("themes", 1, 1);
        return out;
    }

    private List<CommunityRecord> embed(List<CommunityRecord> records, CommunityProgress progress) {
        List<CommunityRecord> out = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += EMBED_BATCH) {
            List<CommunityRecord> batch = records.subList(from, Math.min(records.size(), from + EMBED_BATCH));
            List<float[]> vectors = embedder.embedPassages(batch.stream().map(CommunityRecord::text).toList());
            for (int i = 0; i < batch.size(); i++) out.add(batch.get(i).withEmbedding(vectors.get(i)));
            progress.advance("embeddings", out.size(), records.size());
        }
        return out;
    }
}
