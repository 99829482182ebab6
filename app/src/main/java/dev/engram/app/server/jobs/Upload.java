package dev.engram.app.server.jobs;

import dev.engram.app.server.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded files saved to a private temporary directory, named as uploaded so document ids are the file names. */
record Upload(Path directory, List<Path> files) {

    static Upload save(List<MultipartFile> parts) {
        try {
            Path dir = Files.createTempDirectory("engram-upload-");
            List<Path> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (MultipartFile part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                String name = safeName(part.getOriginalFilename());
                if (!names.add(name)) {
                    throw ApiException.badRequest("two uploaded files are both named '" + name + "'");
                }
                Path file = dir.resolve(name);
                part.transferTo(file);
                files.add(file);
            }
            return new Upload(dir, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the upload: " + e.getMessage(), e);
        }
    }

    /** The ids of the documents in these files (file names, and the ids inside JSONL files). */
    List<String> documentIds() {
        // a file's id is its name; only a JSONL corpus names its documents inside (a PDF is not parsed twice)
        List<String> ids = new ArrayList<>();
        List<Path> corpora = new ArrayList<>();
        for (Path f : files) {
            if (f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
                corpora.add(f);
            } else {
                ids.add(f.getFileName().toString());
            }
        }
        new dev.engram.extraction.document.DocumentLoader().forEach(corpora, d -> ids.add(d.id()), problem -> { });
        return ids;
    }

    /** Removes the saved files. */
    void delete() {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind costs disk space only
        }
    }

    // only the last path segment, so a crafted name cannot write outside the upload directory
    private static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".") || name.length() > 255
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':')) {
            throw ApiException.badRequest("uploaded file name '" + original + "' is not usable; name files like notes.md or corpus.jsonl");
        }
        return name;
    }
}
