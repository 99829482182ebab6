package dev.engram.retrieval.graph;

import dev.engram.pagerank.PersonalizedPageRank;
import dev.engram.pagerank.ShortestPaths;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.projection.GraphProjector;
import java.util.function.Supplier;

/**
 * Holds the in-memory graph and its PageRank engine; rebuilt lazily after {@link #invalidate()}, which
 * ingest and delete call, so queries never read the database to build it.
 */
public final class ProjectionCache {
    /** A projection with its ranker and one workspace per querying thread. */
    public record Engine(GraphProjection projection, PersonalizedPageRank ranker, ShortestPaths paths,
                         ThreadLocal<PersonalizedPageRank.Workspace> workspaces,
                         ThreadLocal<ShortestPaths.Workspace> pathWorkspaces, ThreadLocal<double[]> resets) {
        static Engine of(GraphProjection projection) {
            PersonalizedPageRank ranker = new PersonalizedPageRank(projection.graph());
            ShortestPaths paths = new ShortestPaths(projection.graph());
            int n = projection.graph().nodeCount();
            return new Engine(projection, ranker, paths, ThreadLocal.withInitial(ranker::newWorkspace),
                    ThreadLocal.withInitial(paths::newWorkspace), ThreadLocal.withInitial(() -> new double[n]));
        }
    }

    private final Supplier<GraphProjection> projector;
    private volatile Engine engine;

    /** A cache that projects with {@code projector} when needed. */
    public ProjectionCache(GraphProjector projector) {
        this(projector::project);
    }

    /** A cache over any source of projections. */
    public ProjectionCache(Supplier<GraphProjection> projector) {
        this.projector = projector;
    }

    /** The current engine, projecting the graph first if it changed since the last call. */
    public Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = Engine.of(projector.get());
                    engine = e;
                }
            }
        }
        return e;
    }

    /** Marks the projection stale after the graph changed. */
    public void invalidate() {
        engine = null;
    }
}
