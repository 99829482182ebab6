package dev.engram.app.server.jobs;

import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Files as a caller may see them in a job's status: relative to the upload folder, to the sync folder's parent, or
 * to the folder holding every file and folder a job read in place (as document ids are), so that no server path
 * shows — an MCP caller names files relative to the ingest folder and must not learn where that folder is.
 *
 * @param base the folder paths are shown relative to, or null to show them as they are
 */
record ShownPaths(Path base) {

    /** The way {@code job}'s files are shown. */
    static ShownPaths of(JobRecord job) {
        JobParameters p = job.parameters();
        Path base = null;
        if (job.kind() == JobKind.UPLOAD && p.uploadDirectory() != null) {
            base = Path.of(p.uploadDirectory()).toAbsolutePath().normalize();
        } else if (job.kind() == JobKind.SYNC && !p.paths().isEmpty()) {
            base = Path.of(p.paths().getFirst()).toAbsolutePath().normalize().getParent();
        } else if (job.kind() == JobKind.FILES && !p.paths().isEmpty()) {
            base = commonParent(p.paths());
        }
        return new ShownPaths(base);
    }

    /** The deepest folder holding the parent of every path, or null when there is none. */
    private static Path commonParent(List<String> paths) {
        Path common = null;
        for (int i = 0; i < paths.size(); i++) {
            Path parent;
            try {
                parent = Path.of(paths.get(i)).toAbsolutePath().normalize().getParent();
            } catch (InvalidPathException e) {
                return null;
            }
            if (parent == null) {
                return null;
            }
            if (i == 0) {
                common = parent;
            }
            while (common != null && !parent.startsWith(common)) {
                common = common.getParent();
            }
            if (common == null) {
                return null;
            }
        }
        return common;
    }

    /** One file (or a document id, shown as it is). A file outside the base shows only its name. */
    String file(String file) {
        if (base == null || file == null) {
            return file;
        }
        Path path;
        try {
            path = Path.of(file).normalize();
        } catch (InvalidPathException e) {
            return file;
        }
        if (!path.isAbsolute()) {
            return file;
        }
        return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/') : String.valueOf(path.getFileName());
    }

    /** A text that may name files under the base (a job's summary, a sync plan's lines). */
    String text(String text) {
        return base == null || text == null ? text : text.replace(base + File.separator, "");
    }
}
