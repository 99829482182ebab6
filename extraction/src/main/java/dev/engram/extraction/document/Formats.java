package dev.engram.extraction.document;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which reader a file's extension (case-insensitive) chooses, and which extensions a directory walk reads by
 * default. Unknown extensions read as plain text when a file is named or included explicitly.
 */
public final class Formats {
    private final Map<String, FormatReader> byExtension;
    private final FormatReader fallback;

    /** A registry of {@code byExtension} (lower-case, without the dot) with {@code fallback} for the rest. */
    public Formats(Map<String, FormatReader> byExtension, FormatReader fallback) {
        this.byExtension = Map.copyOf(byExtension);
        this.fallback = fallback;
    }

    /** Text, Markdown, JSONL and the rich formats through Tika, with the default {@link DocumentLimits}. */
    public static Formats standard() {
        return standard(DocumentLimits.DEFAULT);
    }

    /**
     * Text, Markdown and JSONL by extension; PDF, Office, OpenDocument, RTF, EPUB, HTML and e-mail through Tika, which
     * also reads every other file (detecting its format from the content) and text files that turn out binary.
     */
    public static Formats standard(DocumentLimits limits) {
        PlainTextReader plain = new PlainTextReader(null);
        MarkdownReader plainMarkdown = new MarkdownReader(null);
        TikaReader tika = new TikaReader(limits, plain, plainMarkdown);
        PlainTextReader text = new PlainTextReader(tika);
        MarkdownReader markdown = new MarkdownReader(tika);
        Map<String, FormatReader> readers = new java.util.HashMap<>(
                Map.of("txt", text, "md", markdown, "markdown", markdown, "jsonl", new JsonlReader()));
        TikaReader.EXTENSIONS.forEach(ext -> readers.put(ext, tika));
        return new Formats(readers, tika);
    }

    /** These formats and {@code reader} for files ending in {@code .extension} (replacing any reader it had). */
    public Formats with(String extension, FormatReader reader) {
        Map<String, FormatReader> more = new java.util.HashMap<>(byExtension);
        more.put(extension.toLowerCase(Locale.ROOT), reader);
        return new Formats(more, fallback);
    }

    /** The extensions read from directories when no include glob is given. */
    public Set<String> extensions() {
        return byExtension.keySet();
    }

    /** The reader of a file named {@code fileName}. */
    public FormatReader readerFor(String fileName) {
        return byExtension.getOrDefault(extension(fileName), fallback);
    }

    /** The lower-case extension of the last path segment of {@code name}, or "" when it has none. */
    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
