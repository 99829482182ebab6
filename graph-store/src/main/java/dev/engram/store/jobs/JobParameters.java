package dev.engram.store.jobs;

import java.util.List;

/**
 * What a job was asked to do, enough to run it again on resume: the files or folder, include globs, the tenant and
 * ACL groups stamped on its documents, the extractor, a sync's dry run, the upload folder to delete afterwards
 * (null when files are read in place) and the shard ({@code i/n}, or null for all documents).
 */
public record JobParameters(List<String> paths, List<String> include, String tenant, List<String> acl,
                            String extractor, boolean dryRun, String uploadDirectory, String shard) {
    public JobParameters {
        paths = List.copyOf(paths);
        include = include == null ? List.of() : List.copyOf(include);
        acl = acl == null ? List.of() : List.copyOf(acl);
    }
}
