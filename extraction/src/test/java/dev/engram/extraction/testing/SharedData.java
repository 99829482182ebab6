package dev.engram.extraction.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The evaluation data kept beside the repository ({@code shared/data} in the directory holding the clone, or any
 * directory above it), or the folder {@code -Dengram.shared.data} names. Tests that need it assume it is there.
 */
public final class SharedData {
    private SharedData() {}

    /** The data folder, if this machine has one. */
    public static Optional<Path> dir() {
        String given = System.getProperty("engram.shared.data");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isDirectory);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file or folder inside the data folder, if present. */
    public static Optional<Path> resolve(String relative) {
        return dir().map(d -> d.resolve(relative)).filter(Files::exists);
    }
}
