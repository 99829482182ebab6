package dev.engram.app.server.jobs;

import dev.engram.app.config.EngramConfig;
import dev.engram.ingest.IngestStamp;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents: upload (as an ingest job), sync (as a job), list, delete. */
@RestController
public record DocumentsController(IngestJobs jobs, DocumentCatalog catalog, InputLimits limits, EngramConfig config) {
    /**
     * Multipart upload of documents (part name {@code files}): PDF, Word, PowerPoint, Excel, OpenDocument, RTF, EPUB,
     * HTML, e-mail, text, Markdown or JSONL, the format detected from the content; starts an ingest job and answers 202
     * with it. An unrestricted caller may stamp a {@code tenant} and {@code acl} groups; a tenant-scoped caller's
     * documents always get its own tenant, and its groups unless it names a subset of them.
     */
    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobStatus upload(@RequestParam("files") List<MultipartFile> files,
                     @RequestParam(name = "tenant", required = false) String tenant,
                     @RequestParam(name = "acl", required = false) List<String> acl, Caller caller) {
        caller.requireWrite();
        if (files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
            throw ApiException.badRequest("upload at least one non-empty file in the multipart part 'files'");
        }
        if (files.size() > limits.uploadFiles()) {
            throw ApiException.badRequest("an upload holds at most " + limits.uploadFiles() + " files (ENGRAM_MAX_UPLOAD_FILES), got "
                    + files.size());
        }
        IngestStamp stamp = caller.stamp(tenant, acl);
        Upload upload = Upload.save(files);
        // refused here, before any work, when the ids are already another tenant's; the writer refuses them again
        // at write time, so a document created meanwhile is not taken over either
        List<String> taken = catalog.ownedByOthers(upload.documentIds(), stamp.tenant());
        if (!taken.isEmpty()) {
            upload.delete();
            throw ApiException.conflict("documents " + taken.subList(0, Math.min(20, taken.size()))
                    + " already exist and belong to another tenant (or to the public corpus); rename the files "
                    + "(or the JSONL ids) and upload again. Nothing was ingested.");
        }
        return jobs.submit(upload.directory(), upload.files(), caller.access(), stamp.tenant(), stamp.acl());
    }

    /**
     * Starts a job making the graph match the configured sync folder ({@code ENGRAM_SYNC_ROOT}) for the caller's
     * tenant: new and changed files ingested, documents of that folder and tenant whose files are gone deleted. With
     * {@code dryRun=true} the job only lists its plan in its summary. Write keys only; 404 when no folder is set.
     */
    @PostMapping("/api/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobStatus sync(@RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, Caller caller) {
        caller.requireWrite();
        java.nio.file.Path root = config.ingest().syncRoot().orElseThrow(() -> ApiException.notFound(
                "no sync folder is configured (ENGRAM_SYNC_ROOT)"));
        IngestStamp stamp = caller.stamp(null, null);
        return jobs.submitSync(root, caller.access(), stamp.tenant(), stamp.acl(), dryRun);
    }

    @GetMapping("/api/documents")
    List<DocumentSummary> list(@RequestParam(name = "offset", defaultValue = "0") int offset,
                               @RequestParam(name = "limit", defaultValue = "100") int limit,
                               @RequestParam(name = "sort", defaultValue = "id") String sort, Caller caller) {
        if (!sort.equals("id") && !sort.equals("newest")) {
            throw ApiException.badRequest("sort must be id or newest, was '" + sort + "'");
        }
        return catalog.list(caller.access(), offset, limit, sort.equals("newest"));
    }

    @DeleteMapping("/api/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("id") String id, Caller caller) {
        caller.requireWrite();
        catalog.delete(id, caller.access());
    }
}
