package dev.engram.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engram.ingest.sync.DirectorySync;
import dev.engram.records.document.LoadProblem;
import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobRecord;
import java.util.List;

/**
 * What {@code engram ingest --json} prints: the counts, every problem with its file and reason, and for a sync what
 * it added, replaced and deleted (or, in a dry run, would). Read, written and unchanged count documents; failed counts
 * problems (a file that cannot be read, or a JSONL line, or a document refused because another tenant owns its id).
 *
 * @param sync null for a plain ingest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestJson(long read, long written, long unchanged, long failed, long chunks, long triples, double seconds,
                  List<Problem> problems, Sync sync) {

    /** One document or file that was not ingested, and why. */
    record Problem(String file, long line, String reason) {
        static Problem of(LoadProblem p) {
            return new Problem(p.file(), p.line(), p.message());
        }
    }

    /** A sync's plan by document id, and how many documents it deleted (0 in a dry run). */
    record Sync(boolean dryRun, List<String> added, List<String> changed, List<String> removed, int deleted) {}

    /** The result of an ingest job that took {@code seconds}; {@code sync} for a sync job, else null. */
    static IngestJson of(JobRecord job, double seconds, Sync sync) {
        JobCounters c = job.counters();
        return new IngestJson(c.documentsRead(), c.documentsWritten(), c.documentsUnchanged(), c.documentsFailed(),
                c.chunks(), c.triples(), Math.round(seconds * 1000) / 1e3,
                job.problems().stream().map(p -> new Problem(p.file(), p.line(), p.reason())).toList(), sync);
    }

    /** The plan of a dry run: nothing written. */
    static IngestJson ofPlan(DirectorySync.Plan plan) {
        long read = plan.added().size() + plan.changed().size() + plan.unchanged().size();
        return new IngestJson(read, 0, plan.unchanged().size(), plan.problems().size(), 0, 0, 0,
                plan.problems().stream().map(Problem::of).toList(),
                new Sync(true, plan.added(), plan.changed(), plan.removed(), 0));
    }

    /** Indented JSON. */
    String text() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ingest result as JSON", e);
        }
    }
}
