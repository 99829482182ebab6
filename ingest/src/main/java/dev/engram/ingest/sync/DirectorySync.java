package dev.engram.ingest.sync;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestPipeline;
import dev.engram.ingest.IngestReport;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.lexical.StoredSource;
import dev.engram.store.neo4j.GraphStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Makes the graph match a folder, for one tenant: new files are ingested, changed ones replaced, unchanged ones
 * skipped (by content hash), and documents that came from this folder but whose files are gone are deleted. Only
 * documents whose source lies under the folder and that belong to the syncing tenant are ever deleted; a file that
 * is still there but cannot be read now keeps its old document (and is reported).
 */
public final class DirectorySync {

    /** What a sync does (or, in a dry run, would do), by document id. */
    public record Plan(List<String> added, List<String> changed, List<String> unchanged, List<String> removed,
                       List<LoadProblem> problems) {
        public Plan {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
        }

        /** One line: the counts of each kind. */
        public String summary() {
            return added.size() + " new, " + changed.size() + " changed, " + unchanged.size() + " unchanged, "
                    + removed.size() + " removed, " + problems.size() + " problems";
        }

        /** The plan, one document a line: {@code + id} new, {@code ~ id} changed, {@code - id} removed, {@code ! } problems. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            added.forEach(id -> out.add("+ " + id));
            changed.forEach(id -> out.add("~ " + id));
            removed.forEach(id -> out.add("- " + id));
            problems.forEach(p -> out.add("! " + p));
            return out;
        }
    }

    /**
     * A finished sync: its plan, the ingest of the new and changed documents, and how many were deleted; a sync that
     * was {@code stopped} before its end read only part of the folder and deleted nothing.
     */
    public record Result(Plan plan, IngestReport ingest, int deleted, boolean stopped) {}

    private final DocumentLoader loader;
    private final IngestPipeline pipeline;
    private final DocumentWriter documents;
    private final DocumentDeleter deleter;
    private final String tenant;

    /** A sync through {@code pipeline} (which stamps {@code tenant}) into {@code store}. */
    public DirectorySync(DocumentLoader loader, IngestPipeline pipeline, GraphStore store, String tenant) {
        this.loader = loader;
        this.pipeline = pipeline;
        this.documents = new DocumentWriter(store);
        this.deleter = new DocumentDeleter(store);
        this.tenant = tenant;
    }

    /** What {@link #run} would do, changing nothing (every file is read to compare its content hash). */
    public Plan plan(Path root) {
        Scan scan = new Scan(root);
        loader.forEach(List.of(scan.root), scan::document, scan::problem);
        return scan.plan();
    }

    /** Syncs the graph with the folder {@code root}. */
    public Result run(Path root, IngestListener listener) {
        return run(root, listener, () -> false);
    }

    /**
     * Syncs the graph with the folder {@code root}, offering no further documents once {@code stop} says so (a
     * cancelled job). A stopped sync deletes nothing: the files it did not reach would otherwise count as removed.
     */
    public Result run(Path root, IngestListener listener, BooleanSupplier stop) {
        Scan scan = new Scan(root);
        DocumentSource source = new DocumentSource() {
            @Override
            public long estimatedCount() {
                return loader.countDocuments(List.of(scan.root));
            }

            @Override
            public void forEach(Consumer<SourceDocument> docs, Consumer<LoadProblem> problems) {
                loader.forEach(List.of(scan.root), d -> {
                    if (!stop.getAsBoolean()) {
                        scan.document(d);
                        docs.accept(d);
                    }
                }, p -> {
                    scan.problem(p);
                    problems.accept(p);
                });
            }
        };
        IngestReport report = pipeline.run(source, listener);
        Plan plan = scan.plan();
        if (stop.getAsBoolean()) {
            return new Result(plan, report, 0, true);
        }
        int deleted = 0;
        for (String id : plan.removed()) {
            if (deleter.delete(id)) {
                deleted++;
            }
        }
        return new Result(plan, report, deleted, false);
    }

    /** One pass over the folder: what is stored from it, what was read, what could not be. */
    private final class Scan {
        final Path root;
        final Map<String, StoredSource> stored;
        final List<String> added = new ArrayList<>();
        final List<String> changed = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> unreadable = new HashSet<>();

        Scan(Path folder) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("not a directory: " + folder);
            }
            root = folder.toAbsolutePath().normalize();
            stored = documents.storedUnder(root + File.separator, tenant);
        }

        void document(SourceDocument d) {
            seen.add(d.id());
            StoredSource old = stored.get(d.id());
            if (old == null) {
                added.add(d.id());
            } else if (pipeline.storedHashOf(d).equals(old.sha256())) {
                unchanged.add(d.id());
            } else {
                changed.add(d.id());
            }
        }

        void problem(LoadProblem p) {
            problems.add(p);
            unreadable.add(p.file());
        }

        Plan plan() {
            List<String> removed = new ArrayList<>();
            for (StoredSource s : stored.values()) {
                if (!seen.contains(s.id()) && !unreadable.contains(fileOf(s.source()))) {
                    removed.add(s.id());
                }
            }
            removed.sort(null);
            return new Plan(added, changed, unchanged, removed, problems);
        }

        /** The file a source names: itself, or for a JSONL line {@code path:line} the path. */
        private String fileOf(String source) {
            int colon = source.lastIndexOf(':');
            if (colon > 0 && colon < source.length() - 1 && source.substring(colon + 1).chars().allMatch(Character::isDigit)
                    && !Files.exists(Path.of(source))) {
                return source.substring(0, colon);
            }
            return source;
        }
    }
}
