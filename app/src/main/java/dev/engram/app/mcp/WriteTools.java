package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.jobs.DocumentCatalog;
import dev.engram.app.server.jobs.IngestJobs;
import dev.engram.ingest.IngestStamp;
import dev.engram.app.server.jobs.JobStatus;
import dev.engram.app.server.security.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools that change the graph, offered to write keys only: ingest text or server-side files as the same
 * background jobs as {@code POST /api/documents} (with its tenant and group stamping rule), follow a job, delete a
 * document through the catalog behind {@code DELETE /api/documents/{id}}.
 */
final class WriteTools {
    static final int MAX_PATHS = 100;
    private static final Duration POLL = Duration.ofMillis(250);

    private final IngestJobs jobs;
    private final DocumentCatalog documents;
    private final McpSettings settings;
    private final Optional<IngestRoot> root;
    private final McpJsonMapper json;

    WriteTools(IngestJobs jobs, DocumentCatalog documents, McpSettings settings, McpJsonMapper json) {
        this.jobs = jobs;
        this.documents = documents;
        this.settings = settings;
        this.root = settings.ingestRoot().map(IngestRoot::new);
        this.json = json;
    }

    List<EngramTool> tools() {
        List<EngramTool> tools = new ArrayList<>();
        tools.add(EngramTool.writing("ingest_text", "Ingest a text",
                """
                Add a text to the knowledge graph as a document: it is chunked, embedded, its facts extracted, and it \
                becomes searchable by every tool. Ingesting the same id and text again changes nothing; the same id \
                with a new text replaces the document. Waits up to wait_seconds for the ingest job and returns its \
                status (state SUCCEEDED, FAILED, or still RUNNING: then follow it with get_job).""",
                stamped(JsonSchema.object()
                        .requiredString("text", "The document's text (plain text or Markdown).", settings.maxTextChars())
                        .string("id", "The document id; by default one derived from the text.", ExploreTools.MAX_ID_CHARS)
                        .string("title", "The document's title.", ExploreTools.MAX_ID_CHARS)),
                false, this::ingestText));
        if (root.isPresent()) {
            tools.add(EngramTool.writing("ingest_files", "Ingest server files",
                    """
                    Add files from the server's ingest folder to the knowledge graph: .txt, .md and .jsonl files \
                    (one {"id", "title", "text"} document a line), folders recursively. Paths are relative to the \
                    ingest folder; paths outside it are refused. A file's document id is its path from the folder \
                    given; unchanged documents are skipped. Waits up to wait_seconds and returns the job status \
                    (follow a RUNNING job with get_job).""",
                    stamped(JsonSchema.object().strings("paths", "Files or folders, relative to the ingest folder.", 1,
                            MAX_PATHS, ExploreTools.MAX_ID_CHARS)),
                    false, this::ingestFiles));
        }
        tools.add(EngramTool.reading("get_job", "Follow an ingest job",
                "The status of an ingest job started by ingest_text or ingest_files: state, documents done of total, "
                        + "written, unchanged, errors per document, and the summary once finished.",
                JsonSchema.object().requiredString("id", "The job id.", ExploreTools.MAX_ID_CHARS).build(),
                call -> jobs.status(call.arguments().requiredString("id"), call.caller().access())));
        tools.add(EngramTool.writing("delete_document", "Delete a document",
                """
                Remove a document from the knowledge graph: its chunks and sections, its provenance on facts, and the \
                entities and facts nothing else supports. It cannot be undone.""",
                JsonSchema.object().requiredString("id", "The document id.", ExploreTools.MAX_ID_CHARS).build(),
                true, call -> {
                    call.caller().requireWrite();
                    String id = call.arguments().requiredString("id");
                    documents.delete(id, call.caller().access());
                    return Map.of("deleted", id);
                }));
        return tools;
    }

    private Map<String, Object> stamped(JsonSchema schema) {
        return schema
                .string("tenant", "The tenant the documents belong to (unrestricted keys only; others always use their own).",
                        ExploreTools.MAX_ID_CHARS)
                .strings("acl", "Groups allowed to read the documents; empty means everyone in the tenant.", 0, 100,
                        ExploreTools.MAX_ID_CHARS)
                .integer("wait_seconds", "How long to wait for the ingest job before returning it still running.", 0,
                        (int) McpSettings.MAX_INGEST_WAIT.toSeconds(), (int) settings.ingestWait().toSeconds())
                .build();
    }

    private JobStatus ingestText(ToolCall call) {
        call.caller().requireWrite();
        ToolArguments args = call.arguments();
        String text = args.requiredString("text");
        if (text.length() > settings.maxTextChars()) {
            throw ApiException.badRequest("text is " + text.length() + " characters; at most " + settings.maxTextChars()
                    + " are accepted (engram.mcp.max-text-chars)");
        }
        IngestStamp stamp = call.caller().stamp(args.string("tenant"), args.strings("acl"));
        String id = args.string("id") == null || args.string("id").isBlank() ? "text-" + digest(text) : args.string("id").strip();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("title", args.string("title") == null ? "" : args.string("title"));
        line.put("text", text);
        Path directory;
        try {
            directory = Files.createTempDirectory("engram-mcp-");
            Files.writeString(directory.resolve("mcp-text.jsonl"), json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the text for ingest", e);
        }
        JobStatus job = jobs.submit(directory, List.of(directory.resolve("mcp-text.jsonl")), call.caller().access(),
                stamp.tenant(), stamp.acl());
        return await(job, call);
    }

    private JobStatus ingestFiles(ToolCall call) {
        call.caller().requireWrite();
        IngestRoot folder = root.orElseThrow(() -> ApiException.forbidden("ingest_files is off: no ingest folder is configured"));
        List<String> requested = call.arguments().strings("paths");
        if (requested.isEmpty() || requested.size() > MAX_PATHS) {
            throw ApiException.badRequest("paths must list between 1 and " + MAX_PATHS + " files or folders");
        }
        IngestStamp stamp = call.caller().stamp(call.arguments().string("tenant"), call.arguments().strings("acl"));
        List<Path> paths = requested.stream().map(folder::resolve).distinct().toList();
        return await(jobs.submitInPlace(paths, call.caller().access(), stamp.tenant(), stamp.acl()), call);
    }

    /** Waits for a job as long as the caller asked (reporting progress), then returns its latest status. */
    private JobStatus await(JobStatus submitted, ToolCall call) {
        Caller caller = call.caller();
        long waitMillis = call.arguments().integer("wait_seconds", (int) settings.ingestWait().toSeconds()) * 1000L;
        if (waitMillis < 0 || waitMillis > McpSettings.MAX_INGEST_WAIT.toMillis()) {
            throw ApiException.badRequest("wait_seconds must be between 0 and " + McpSettings.MAX_INGEST_WAIT.toSeconds());
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        JobStatus status = submitted;
        long reported = -1;
        while (!status.state().finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = jobs.status(submitted.id(), caller.access());
            if (status.done() != reported) {
                reported = status.done();
                call.progress().report(status.done(), status.total() < 0 ? null : (double) status.total(),
                        status.done() + " documents done");
            }
        }
        return status;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
