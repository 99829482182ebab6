package dev.engram.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Waits for an ingest job by asking for its status ({@code GET /api/jobs/{id}}) until it is neither QUEUED nor
 * RUNNING. The number of tries is a generous bound only against a hung job.
 */
public record JobPoll(Status status, int tries, Duration pause) {
    /** Reads the status of the job with this id. */
    @FunctionalInterface
    public interface Status {
        /** The job's status document. */
        JsonNode of(String id) throws Exception;
    }

    /** The status of the job once it has ended, however. */
    public JsonNode ended(String id) throws Exception {
        for (int i = 0; i < tries; i++) {
            JsonNode job = status.of(id);
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(pause.toMillis());
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** The status of the job once it has ended, which must be SUCCEEDED without errors. */
    public JsonNode succeeded(String id) throws Exception {
        JsonNode job = ended(id);
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("errors")).as(job.toString()).isEmpty();
        return job;
    }
}
