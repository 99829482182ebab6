package dev.engram.extraction.document;

import java.nio.file.Path;

/**
 * A file to read: where it is, its document id (the path relative to the parent of the argument it was found
 * under, with {@code /} separators) and the reader its extension chose.
 */
public record SourceFile(Path path, String id, FormatReader reader) {

    /** The name a problem with this file is reported under: the path as found. */
    public String name() {
        return path.toString();
    }

    /** The file name without its extension, the title of a document that names none. */
    public String baseName() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
