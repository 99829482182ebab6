package dev.engram.retrieval.global;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.records.document.ContentHash;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Theme;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.retrieval.graph.ProjectionCache;
import dev.engram.store.community.CitedLine;
import dev.engram.store.community.CommunityProgress;
import dev.engram.store.community.CommunityRecord;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.CommunityStore;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.projection.ProjectionWeights;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.AccessFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant A (movies) and tenant B (university) in one store, with the whole graph's communities stored: A's
 * communities, themes and global answers never show anything of B's documents — no entity, title, keyword, fact,
 * sentence, citation or count — and the other way round.
 */
class CommunityAccessTest {
    static final AccessFilter A = new AccessFilter("a", List.of());
    static final AccessFilter B = new AccessFilter("b", List.of());

    @TempDir static Path dir;
    static GraphStore store;
    static OnnxBgeEmbedder embedder;
    static ProjectionCache projections;
    static CommunityViews views;

    @BeforeAll
    static void ingestTwoTenants() throws IOException {
        store = GraphStore.open(StoreConfig.embedded(dir.resolve("db"), 0));
        embedder = OnnxBgeEmbedder.create();
        new SchemaManager(store).ensure(embedder);
        TokenChunker chunker = new TokenChunker(embedder.tokenizer());
        ingest(chunker, "movies", "a");
        ingest(chunker, "university", "b");
        projections = new ProjectionCache(new GraphProjector(store, ProjectionWeights.DEFAULTS));
        CommunityBuilder builder = new CommunityBuilder(CommunitySettings.DEFAULTS,
                new CommunitySummarizer(new ChunkLookup(store)), embedder, Optional.empty(), new ChunkLookup(store)::vectors);
        GraphProjection full = projections.engine().projection();
        // the whole graph's communities are stored, as engram communities does: they mix both tenants
        CommunityView all = builder.build(full, AccessMask.of(full, AccessFilter.ALL), false, CommunityProgress.NONE);
        new CommunityStore(store).replaceAll(all.communities(), CommunityProgress.NONE);
        views = new CommunityViews(projections, builder, new CommunityStore(store));
    }

    static void ingest(TokenChunker chunker, String corpus, String tenant) throws IOException {
        Path f = dir.resolve(corpus + ".jsonl");
        try (InputStream in = CommunityAccessTest.class.getResourceAsStream("/case-studies/" + corpus + ".jsonl")) {
            Files.copy(in, f);
        }
        new IngestPipeline(store, embedder, chunker::chunk, ContentHash::of, new RuleTripleExtractor(),
                new IngestOptions(64, tenant, List.of())).run(DocumentSource.files(new DocumentLoader(), List.of(f)),
                IngestListener.NONE);
    }

    @AfterAll
    static void close() {
        store.close();
        embedder.close();
    }

    @Test
    void storedCommunitiesMixBothTenantsSoTheTestCanFail() {
        CommunityView all = views.view(AccessFilter.ALL);
        assertThat(all.stored()).isTrue();
        Set<String> docs = new HashSet<>();
        all.communities().forEach(c -> evidence(c).forEach(l -> docs.add(l.documentId())));
        assertThat(docs).anyMatch(d -> d.startsWith("case-movies")).anyMatch(d -> d.startsWith("case-university"));
        Set<String> owned = new HashSet<>();
        all.level(0).forEach(t -> owned.addAll(t.chunkIds()));
        assertThat(owned).anyMatch(c -> c.startsWith("case-movies")).anyMatch(c -> c.startsWith("case-university"));
    }

    @Test
    void tenantAsCommunitiesShowNothingOfTenantB() {
        assertNothingOf(A, "case-university", "b");
    }

    @Test
    void tenantBsCommunitiesShowNothingOfTenantA() {
        assertNothingOf(B, "case-movies", "a");
    }

    @Test
    void aCallerWithNoTenantSeesNoCommunityAtAll() {
        CommunityView none = views.view(AccessFilter.publicOnly());
        assertThat(none.communities()).isEmpty();
        RetrievalResult r = new GlobalRetriever(embedder, views).retrieve(
                new RetrievalRequest("What are the main topics?", Mode.GLOBAL, 5, AccessFilter.publicOnly()));
        assertThat(r.themes()).isEmpty();
        assertThat(r.passages()).isEmpty();
    }

    static void assertNothingOf(AccessFilter caller, String hiddenPrefix, String hiddenTenant) {
        GraphProjection full = projections.engine().projection();
        AccessMask mask = AccessMask.of(full, caller);
        // what the caller may read: its chunks and the entities they mention, and their texts
        Set<String> readableChunks = new HashSet<>();
        Set<String> visibleEntities = new HashSet<>();
        Set<String> hiddenOnlyNames = new HashSet<>();
        var g = full.graph();
        for (int chunk = full.entityCount(); chunk < g.nodeCount(); chunk++) {
            if (!mask.chunk(chunk)) continue;
            readableChunks.add(full.nodeId(chunk));
            for (int a = g.firstArc(chunk); a < g.endArc(chunk); a++) visibleEntities.add(full.nodeId(g.target(a)));
        }
        String readableText = new ChunkLookup(store).byIds(new ArrayList<>(readableChunks)).values().stream()
                .map(t -> t.title() + " " + t.text()).reduce("", String::concat).toLowerCase(Locale.ROOT);
        for (int e = 0; e < full.entityCount(); e++) {
            String name = full.entityName(e).toLowerCase(Locale.ROOT);
            if (!visibleEntities.contains(full.nodeId(e)) && name.length() >= 5 && !readableText.contains(name)) {
                hiddenOnlyNames.add(name);
            }
        }
        assertThat(hiddenOnlyNames).as("the other tenant has entities of its own").hasSizeGreaterThan(20);

        CommunityView view = views.view(caller);
        assertThat(view.stored()).isFalse();
        assertThat(view.communities()).isNotEmpty();
        assertThat(view.level(0)).anyMatch(t -> !t.chunkIds().isEmpty());
        for (CommunityRecord c : view.communities()) {
            assertThat(visibleEntities).containsAll(c.entityIds());
            assertThat(c.size()).isEqualTo(c.entityIds().size());
            assertThat(c.chunkCount()).isLessThanOrEqualTo(readableChunks.size());
            assertThat(readableChunks).containsAll(c.chunkIds());
            for (CitedLine line : evidence(c)) {
                assertThat(readableChunks).contains(line.chunkId());
                assertThat(line.documentId()).doesNotStartWith(hiddenPrefix);
            }
            String shown = String.join(" ", c.title(), String.join(" ", c.keywords()), c.summary(), c.text())
                    .toLowerCase(Locale.ROOT);
            for (String hidden : hiddenOnlyNames) {
                assertThat(shown).as("community %s shows '%s'", c.id(), hidden).doesNotContain(hidden);
            }
        }
        RetrievalResult r = new GlobalRetriever(embedder, views).retrieve(
                new RetrievalRequest("What are the main topics of this collection?", Mode.GLOBAL, 10, caller));
        assertThat(r.themes()).isNotEmpty();
        for (Theme t : r.themes()) {
            t.evidence().forEach(l -> assertThat(readableChunks).contains(l.chunkId()));
        }
        for (RankedPassage p : r.passages()) {
            assertThat(p.documentId()).doesNotStartWith(hiddenPrefix);
        }
        assertThat(hiddenTenant).isNotBlank();
    }

    static List<CitedLine> evidence(CommunityRecord c) {
        List<CitedLine> all = new ArrayList<>(c.facts());
        all.addAll(c.sentences());
        return all;
    }
}
