package dev.engram.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where an ingest's time went, stage by stage, summed over batches. The stages of the embedding thread (load, split
 * and look-ups, chunk embedding, extraction, entity and fact embedding, waiting for the writer) and what runs after
 * the last batch add up to the wall-clock time; those of the writer thread run beside them. Thread-safe.
 */
public final class StageTimes {
    /** The stages, in pipeline order, each on the thread that runs it. */
    public enum Stage {
        LOAD_AND_SPLIT("load, split and look-ups", Where.EMBEDDING_THREAD),
        CHUNK_EMBEDDING("chunk embedding", Where.EMBEDDING_THREAD),
        EXTRACTION("extraction", Where.EMBEDDING_THREAD),
        KNOWLEDGE_EMBEDDING("entity and fact embedding", Where.EMBEDDING_THREAD),
        WRITER_WAIT("waiting for the writer", Where.EMBEDDING_THREAD),
        LEXICAL_WRITES("lexical writes", Where.WRITER_THREAD),
        KNOWLEDGE_WRITES("entity, mention and relation writes", Where.WRITER_THREAD),
        NAME_MENTIONS("name mentions", Where.WRITER_THREAD),
        SYNONYMS("synonyms", Where.WRITER_THREAD),
        CHUNK_COUNTS("chunk counts", Where.WRITER_THREAD),
        COMPLETION("completion marks", Where.WRITER_THREAD),
        END_NAME_EMBEDDING("entity name embedding", Where.AFTER_LAST_BATCH),
        END_OF_RUN("entity vector writes and synonym rebuild", Where.AFTER_LAST_BATCH);

        private final String label;
        private final Where where;

        Stage(String label, Where where) {
            this.label = label;
            this.where = where;
        }

        /** The stage's name in reports. */
        public String label() {
            return label;
        }

        /** Whether the stage runs on the writer thread (beside the embedding thread). */
        public boolean onWriterThread() {
            return where == Where.WRITER_THREAD;
        }

        /** Where the stage runs. */
        public Where where() {
            return where;
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

    /** The two threads of a batch, and the work after the last batch. */
    public enum Where { EMBEDDING_THREAD, WRITER_THREAD, AFTER_LAST_BATCH }

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

    /** One line: "stages, embedding thread: load, split and look-ups 1.2 s, ...; writer thread: ...[; after the last batch: ...]". */
    public static String summary(Map<Stage, Duration> stages) {
        Map<Where, StringBuilder> parts = new EnumMap<>(Where.class);
        stages.forEach((stage, time) -> {
            if (stage.where() == Where.AFTER_LAST_BATCH && time.isZero()) {
                return;
            }
            StringBuilder to = parts.computeIfAbsent(stage.where(), w -> new StringBuilder());
            to.append(to.isEmpty() ? "" : ", ").append(stage.label()).append(' ')
                    .append(String.format("%.1f s", time.toMillis() / 1e3));
        });
        StringBuilder after = parts.get(Where.AFTER_LAST_BATCH);
        return "stages, embedding thread: " + parts.getOrDefault(Where.EMBEDDING_THREAD, new StringBuilder())
                + "; writer thread: " + parts.getOrDefault(Where.WRITER_THREAD, new StringBuilder())
                + (after == null ? "" : "; after the last batch: " + after);
    }
}
