package dev.engram.retrieval.global;

import dev.engram.retrieval.graph.AccessMask;
import dev.engram.retrieval.graph.ProjectionCache;
import dev.engram.store.community.CommunityProgress;
import dev.engram.store.community.CommunityRecord;
import dev.engram.store.community.CommunityStore;
import dev.engram.store.search.AccessFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which communities a caller sees. An unrestricted caller sees the stored hierarchy ({@code engram communities}),
 * or one built in memory while none is stored. A restricted caller never sees the stored one: its view is built at
 * query time from its own restricted projection (the same one PageRank walks, where every edge it may not read weighs
 * nothing), so the partition, titles, keywords, facts, sentences and counts it is shown derive from readable
 * documents only. Views are cached until the graph changes, and per caller filter (at most 32). Thread-safe.
 */
public final class CommunityViews {
    private static final int MAX_CACHED = 32;

    private record Cached(ProjectionCache.Engine engine, CommunityView view) {}

    private final ProjectionCache projections;
    private final CommunityBuilder builder;
    private final CommunityStore store;
    private final Map<AccessFilter, Cached> cache = new ConcurrentHashMap<>();

    /** Views over these projections, built with {@code builder}, the full one read from {@code store} when stored. */
    public CommunityViews(ProjectionCache projections, CommunityBuilder builder, CommunityStore store) {
        this.projections = projections;
        this.builder = builder;
        this.store = store;
    }

    /** The communities {@code filter} may see. */
    public CommunityView view(AccessFilter filter) {
        AccessFilter key = filter == null || filter.isUnrestricted() ? AccessFilter.ALL : filter;
        ProjectionCache.Engine engine = projections.engine(key);
        Cached cached = cache.get(key);
        if (cached != null && cached.engine() == engine) {
            return cached.view();
        }
        synchronized (this) {
            cached = cache.get(key);
            if (cached != null && cached.engine() == engine) {
                return cached.view();
            }
            CommunityView view = key == AccessFilter.ALL ? fullView(engine) : builder.build(engine.projection(),
                    AccessMask.of(engine.projection(), key), false, CommunityProgress.NONE);
            if (cache.size() >= MAX_CACHED) cache.clear();
            cache.put(key, new Cached(engine, view));
            return view;
        }
    }

    private CommunityView fullView(ProjectionCache.Engine engine) {
        List<CommunityRecord> stored = store.all();
        if (!stored.isEmpty() && stored.stream().allMatch(c -> c.embedding() != null)) {
            return new CommunityView(stored, Double.NaN, true);
        }
        return builder.build(engine.projection(), AccessMask.of(engine.projection(), AccessFilter.ALL), false,
                CommunityProgress.NONE);
    }

    /** Forgets every cached view (after {@code engram communities} stored new ones). */
    public void invalidate() {
        cache.clear();
    }
}
