package dev.engram.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where an ingest's time went, stage by stage, summed over batches. The stages of the embedding thread (load and
 * split, chunk embedding, waiting for the writer) add up to the wall-clock time; those of the writer thread run
 * beside them, so the two columns overlap. Thread-safe.
 */
public final class StageTimes {
    /** The stages, in pipeline order, each on the thread that runs it. */
    public enum Stage {
        LOAD_AND_SPLIT("load and split", false),
        CHUNK_EMBEDDING("chunk embedding", false),
        WRITER_WAIT("waiting for the writer", false),
        EXTRACTION("extraction", true),
        LEXICAL_WRITES("lexical writes", true),
        KNOWLEDGE_EMBEDDING("entity and fact embedding", true),
        KNOWLEDGE_WRITES("entity, mention and relation writes", true),
        NAME_MENTIONS("name mentions", true),
        SYNONYMS("synonyms", true),
        CHUNK_COUNTS("chunk counts", true),
        COMPLETION("completion marks", true);

        private final String label;
        private final boolean writer;

        Stage(String label, boolean writer) {
            this.label = label;
            this.writer = writer;
        }

        /** The stage's name in reports. */
        public String label() {
            return label;
        }

        /** Whether the stage runs on the writer thread (beside the embedding thread). */
        public boolean onWriterThread() {
            return writer;
        }

        /** The stage of a resolver by its name, or null when it is none of the standard ones. */
        static Stage ofResolver(String name) {
            return switch (name) {
                case "name mentions" -> NAME_MENTIONS;
                case "synonyms" -> SYNONYMS;
                default -> null;
            };
        }
    }

    private final AtomicLongArray nanos = new AtomicLongArray(Stage.values().length);

    /** Adds {@code nanos} to {@code stage}. */
    public void add(Stage stage, long nanos) {
        this.nanos.addAndGet(stage.ordinal(), nanos);
    }

    /** Time spent in {@code stage} so far. */
    public Duration of(Stage stage) {
        return Duration.ofNanos(nanos.get(stage.ordinal()));
    }

    /** Every stage's time, in pipeline order. */
    public Map<Stage, Duration> all() {
        Map<Stage, Duration> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, of(s));
        }
        return out;
    }

    /** One line per thread: "embedding thread: load and split 1.2 s, ...; writer thread: ...". */
    public static String summary(Map<Stage, Duration> stages) {
        StringBuilder main = new StringBuilder();
        StringBuilder writer = new StringBuilder();
        stages.forEach((stage, time) -> {
            StringBuilder to = stage.onWriterThread() ? writer : main;
            to.append(to.isEmpty() ? "" : ", ").append(stage.label()).append(' ')
                    .append(String.format("%.1f s", time.toMillis() / 1e3));
        });
        return "stages, embedding thread: " + main + "; writer thread: " + writer;
    }
}
