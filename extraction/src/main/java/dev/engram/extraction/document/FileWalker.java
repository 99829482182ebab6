package dev.engram.extraction.document;

import dev.engram.records.document.LoadProblem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files an argument names: itself when it is a file; when it is a directory, its files recursively, without
 * following symbolic links to directories, refusing (as a problem) links to files outside the directory, so a link
 * dropped into a synced or served folder cannot pull in {@code /etc/passwd}; skipping hidden entries, sorted by
 * relative path, limited to the
 * include globs (matched against the path relative to the directory; a leading {@code **}{@code /} also matches
 * top-level files) or, without globs, to the formats' default extensions. Each file's id is its path relative to
 * the argument's parent, with {@code /} separators, the same on every machine.
 */
final class FileWalker {
    private final Formats formats;
    private final List<PathMatcher> includeMatchers;

    FileWalker(Formats formats, List<String> includeGlobs) {
        this.formats = formats;
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : includeGlobs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        this.includeMatchers = List.copyOf(matchers);
    }

    /** The files under {@code arg}, in reading order; listing problems go to {@code problems}. */
    List<SourceFile> files(Path arg, Consumer<LoadProblem> problems) {
        Path absolute = arg.toAbsolutePath().normalize();
        Path base = absolute.getParent() == null ? absolute : absolute.getParent();
        if (!Files.exists(arg)) {
            problems.accept(new LoadProblem(arg.toString(), 0, "no such file or directory"));
            return List.of();
        }
        if (!Files.isDirectory(arg)) {
            if (!Files.isRegularFile(arg)) {
                problems.accept(new LoadProblem(arg.toString(), 0, "not a regular file or directory"));
                return List.of();
            }
            return List.of(file(arg, base, absolute));
        }
        List<SourceFile> found = new ArrayList<>();
        Path realDirectory = realPath(arg);
        try {
            Files.walkFileTree(arg, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(arg) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file) || !Files.isRegularFile(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!included(slashes(arg.relativize(file)))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink() && !realPath(file).startsWith(realDirectory)) {
                        problems.accept(new LoadProblem(file.toString(), 0,
                                "a symbolic link leading outside the folder being read; not read"));
                    } else {
                        found.add(file(file, base, file.toAbsolutePath().normalize()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.accept(new LoadProblem(file.toString(), 0, "cannot read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        problems.accept(new LoadProblem(dir.toString(), 0, "cannot list directory: " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(new LoadProblem(arg.toString(), 0, "cannot list directory: " + describe(e)));
        }
        found.sort(Comparator.comparing(SourceFile::id));
        return found;
    }

    /** The identity of a file, so one reached twice (through two arguments, or a link) is read once. */
    static Path key(SourceFile file) {
        return realPath(file.path());
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** A short reason for an I/O failure, fit for a problem line. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private SourceFile file(Path path, Path base, Path absolute) {
        return new SourceFile(path, slashes(base.relativize(absolute)), formats.readerFor(path.getFileName().toString()));
    }

    private boolean included(String relativePath) {
        if (includeMatchers.isEmpty()) {
            return formats.extensions().contains(Formats.extension(relativePath));
        }
        Path rel = Path.of(relativePath);
        for (PathMatcher m : includeMatchers) {
            if (m.matches(rel)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String slashes(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : p) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
