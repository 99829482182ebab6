package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one server folder {@code ingest_files} may read. A requested path is refused when it has a {@code ..}
 * segment, is absolute but elsewhere, leads out through a symbolic link, or is a folder holding a symbolic link
 * that leads out (the document loader follows links to files). The check runs when the call arrives; the folder
 * is the operator's, and no tool lets a caller create files or links in it.
 */
final class IngestRoot {
    private final Path root;
    private final Path configured;

    /** The root at {@code folder}, which must be an existing directory. */
    IngestRoot(Path folder) {
        this.configured = folder.toAbsolutePath().normalize();
        try {
            this.root = folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the MCP ingest root " + folder + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("the MCP ingest root " + folder + " is not a directory");
        }
    }

    /** The real path of {@code requested} (relative to the root, or absolute inside it), or a refusal saying why. */
    Path resolve(String requested) {
        if (requested == null || requested.isBlank() || requested.indexOf('\0') >= 0) {
            throw ApiException.badRequest("a path must be a non-empty file or folder name under the ingest root");
        }
        Path path;
        try {
            path = Path.of(requested.strip());
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("'" + requested + "' is not a valid path");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw ApiException.forbidden("'" + requested + "' contains '..'; give paths inside the ingest root");
            }
        }
        Path candidate = path.isAbsolute() ? path.normalize() : root.resolve(path).normalize();
        if (!candidate.startsWith(root) && !candidate.startsWith(configured)) {
            throw ApiException.forbidden("'" + requested + "' is outside the ingest root; give a path relative to it");
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound("nothing at '" + requested + "' under the ingest root");
        }
        Path real = realPath(candidate, requested);
        if (Files.isDirectory(real)) {
            refuseLinksOut(real, requested);
        }
        return real;
    }

    private Path realPath(Path candidate, String requested) {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw ApiException.notFound("'" + requested + "' is a broken symbolic link");
        }
        if (!real.startsWith(root)) {
            throw ApiException.forbidden("'" + requested + "' leads outside the ingest root through a symbolic link");
        }
        return real;
    }

    private void refuseLinksOut(Path folder, String requested) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        try {
                            if (!file.toRealPath().startsWith(root)) {
                                throw ApiException.forbidden("'" + requested + "' holds " + root.relativize(file)
                                        + ", a symbolic link leading outside the ingest root");
                            }
                        } catch (IOException e) {
                            // a dangling link: the loader skips what is not a regular file
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // unreadable entries are reported by the ingest job itself
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
