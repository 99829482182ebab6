package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A whole file as one document's text, checked (size, binary, strict UTF-8, blank) and titled by a rule of its
 * format; {@link PlainTextReader} and {@link MarkdownReader} are the two.
 */
abstract class TextFileReader implements FormatReader {

    /** Largest file read as one text. */
    static final long MAX_BYTES = DocumentLoader.MAX_TEXT_FILE_BYTES;

    private final FormatReader binary;

    /** @param binary reads a file that turns out not to be text (detecting its format), or null to report it */
    TextFileReader(FormatReader binary) {
        this.binary = binary;
    }

    /** The title the text names itself, or null to use the file name. */
    abstract String titleOf(String text);

    /** Where the text's sections lie; none for plain text. */
    DocumentLayout layoutOf(String text) {
        return DocumentLayout.NONE;
    }

    @Override
    public void read(SourceFile file, DocumentSink sink) {
        String name = file.name();
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (size > MAX_BYTES) {
                sink.problem(new LoadProblem(name, 0, "file too large (" + size + " bytes, limit " + MAX_BYTES + ")"));
                return;
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            sink.problem(new LoadProblem(name, 0, "cannot read: " + FileWalker.describe(e)));
            return;
        }
        int nul = TextBytes.nul(bytes, 0, bytes.length);
        if (nul >= 0 && binary != null) {
            binary.read(file, sink);
            return;
        }
        if (nul >= 0) {
            sink.problem(new LoadProblem(name, TextBytes.lineAt(bytes, nul), "binary file (NUL byte), not text"));
            return;
        }
        String text;
        try {
            text = TextBytes.fileText(bytes);
        } catch (TextBytes.BadUtf8 e) {
            sink.problem(new LoadProblem(name, TextBytes.lineAt(bytes, e.offset), "invalid UTF-8 at byte " + e.offset));
            return;
        }
        if (text.isBlank()) {
            sink.problem(new LoadProblem(name, 0, "empty file"));
            return;
        }
        String title = titleOf(text);
        if (title == null || title.isBlank()) {
            title = file.baseName();
        }
        sink.document(new SourceDocument(file.id(), title, name, text, Map.of(), layoutOf(text)), name, 0);
    }
}
