package dev.engram.retrieval.graph;

import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.PersonalizedPageRank;
import dev.engram.pagerank.ShortestPaths;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.search.AccessFilter;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the in-memory graph and its PageRank engine; rebuilt lazily after {@link #invalidate()}, which
 * ingest and delete call, so queries never read the database to build it. A caller restricted by an
 * {@link AccessFilter} gets a copy of the graph in which every edge it may not see weighs nothing, so no
 * probability mass flows through a hidden document and its ranking cannot betray what the document says.
 */
public final class ProjectionCache {
    private static final int MAX_RESTRICTED = 32;

    /** A projection with its rankers (global and local) and one workspace of each per querying thread. */
    public record Engine(GraphProjection projection, PersonalizedPageRank ranker, ForwardPushPpr localRanker,
                         ShortestPaths paths, ThreadLocal<PersonalizedPageRank.Workspace> workspaces,
                         ThreadLocal<ForwardPushPpr.Workspace> localWorkspaces,
                         ThreadLocal<ShortestPaths.Workspace> pathWorkspaces, ThreadLocal<double[]> resets,
                         Map<AccessFilter, Engine> restricted) {
        static Engine of(GraphProjection projection) {
            PersonalizedPageRank ranker = new PersonalizedPageRank(projection.graph());
            ForwardPushPpr local = new ForwardPushPpr(projection.graph());
            ShortestPaths paths = new ShortestPaths(projection.graph());
            int n = projection.graph().nodeCount();
            return new Engine(projection, ranker, local, paths, ThreadLocal.withInitial(ranker::newWorkspace),
                    ThreadLocal.withInitial(local::newWorkspace), ThreadLocal.withInitial(paths::newWorkspace),
                    ThreadLocal.withInitial(() -> new double[n]), new ConcurrentHashMap<>());
        }
    }

    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;

    private final Supplier<GraphProjection> projector;
    private final Function<GraphProjection, Optional<GraphProjection>> refresher;
    private final Supplier<String> fingerprint;
    private volatile Engine engine;
    /** The engine to refresh from a delta at the next query (documents were added), or null. */
    private volatile Engine stale;
    private volatile Refresh lastRefresh;
    private volatile String projectedFingerprint;
    private volatile long checkedAt;

    /**
     * A cache that projects with {@code projector} when needed, and at most every 5 s compares the graph's size
     * fingerprint so that writes by another process (a CLI ingest next to a server) are noticed too.
     */
    public ProjectionCache(GraphProjector projector) {
        this(projector::project, projector::refresh, projector::fingerprint);
    }

    /** A cache over any source of projections; {@code fingerprint} may be null when only this process writes. */
    public ProjectionCache(Supplier<GraphProjection> projector, Supplier<String> fingerprint) {
        this(projector, previous -> Optional.empty(), fingerprint);
    }

    /**
     * A cache that, after documents were added, first tries {@code refresher} (a delta over the previous projection,
     * empty when a delta cannot explain the change) before projecting in full.
     */
    public ProjectionCache(Supplier<GraphProjection> projector,
                           Function<GraphProjection, Optional<GraphProjection>> refresher, Supplier<String> fingerprint) {
        this.projector = projector;
        this.refresher = refresher;
        this.fingerprint = fingerprint;
    }

    /** How the projection was last brought up to date: by a delta or in full, and how long it took. */
    public record Refresh(boolean delta, double millis) {}

    /** How the current projection was built (null before the first). */
    public Refresh lastRefresh() {
        return lastRefresh;
    }

    /** The current engine over the whole graph, projecting it first if it changed since the last call. */
    public Engine engine() {
        if (fingerprint != null && engine != null && System.nanoTime() - checkedAt > CHECK_EVERY_NANOS) {
            checkedAt = System.nanoTime();
            if (!fingerprint.get().equals(projectedFingerprint)) {
                stale = engine; // another process wrote: a delta if it only added documents, else a full rebuild
                engine = null;
            }
        }
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    String before = fingerprint == null ? null : fingerprint.get();
                    long start = System.nanoTime();
                    Engine previous = stale;
                    Optional<GraphProjection> delta = previous == null ? Optional.empty()
                            : refresher.apply(previous.projection());
                    e = Engine.of(delta.orElseGet(projector));
                    stale = null;
                    lastRefresh = new Refresh(delta.isPresent(), (System.nanoTime() - start) / 1e6);
                    projectedFingerprint = before;
                    checkedAt = System.nanoTime();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** The engine over what {@code filter} may read: the whole graph, or a restricted copy built once per filter. */
    public Engine engine(AccessFilter filter) {
        Engine full = engine();
        if (filter == null || filter.isUnrestricted()) {
            return full;
        }
        if (full.restricted().size() >= MAX_RESTRICTED) {
            full.restricted().clear(); // many distinct callers: rebuilding is cheaper than holding every copy
        }
        return full.restricted().computeIfAbsent(filter, f -> Engine.of(restrict(full.projection(), f)));
    }

    static GraphProjection restrict(GraphProjection projection, AccessFilter filter) {
        AccessMask mask = AccessMask.of(projection, filter);
        BitSet visibleEntities = new BitSet(projection.entityCount());
        var graph = projection.graph();
        for (int c = projection.entityCount(); c < graph.nodeCount(); c++) {
            if (mask.chunk(c)) {
                for (int a = graph.firstArc(c); a < graph.endArc(c); a++) {
                    visibleEntities.set(graph.target(a));
                }
            }
        }
        return projection.restrictedTo(r -> mask.anyRelationChunk(projection, r),
                s -> visibleEntities.get(projection.synonymFrom(s)) && visibleEntities.get(projection.synonymTo(s)),
                mask::chunk);
    }

    /** Marks the projection stale after the graph changed in any way (a deletion, an edit): rebuilt in full. */
    public void invalidate() {
        stale = null;
        engine = null;
    }

    /**
     * Marks the projection stale after documents were added: the next query refreshes it from the delta (the new
     * documents' chunks, mentions, relations and synonyms) when that explains every change, in full otherwise.
     */
    public void documentsAdded() {
        Engine e = engine;
        if (e != null) {
            stale = e;
        }
        engine = null;
    }
}
