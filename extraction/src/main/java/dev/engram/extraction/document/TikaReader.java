package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.DublinCore;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Rich documents through Apache Tika: PDF, Word (DOCX, DOC), PowerPoint, Excel, OpenDocument, RTF, EPUB, HTML and
 * e-mail (EML, MSG). The format is detected from the content (the file name only breaks ties), so a PDF named
 * {@code .txt} is read as a PDF and text with an unknown extension as text. Pages (PDF pages, slides) and headings
 * ({@code h1}..{@code h6}, the PDF outline) become the document's {@link DocumentLayout}; title, author, dates and
 * language come from the document's own properties, the title falling back to the file name.
 *
 * <p>Every failure is one problem for that file: too large, encrypted, corrupt or truncated, no text (a scanned PDF
 * without a text layer: OCR is not enabled), a zip bomb or more text than the limit, a parse over the time limit,
 * an unsupported format. A parse that runs out of time is abandoned on its own daemon thread.
 */
final class TikaReader implements FormatReader {

    /** Media types read (base types, without parameters); anything else Tika recognises is "unsupported". */
    static final Set<String> SUPPORTED = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.presentation",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/rtf",
            "application/epub+zip",
            "text/html",
            "application/xhtml+xml",
            "message/rfc822",
            "application/vnd.ms-outlook");

    /** File extensions a directory walk reads through this reader. */
    static final List<String> EXTENSIONS = List.of("pdf", "docx", "doc", "pptx", "ppt", "xlsx", "xls", "odt", "odp",
            "ods", "rtf", "epub", "html", "htm", "xhtml", "eml", "msg");

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "engram-document-parser");
        t.setDaemon(true);
        return t;
    });

    private final DocumentLimits limits;
    private final FormatReader plainText;
    private final FormatReader markdown;

    TikaReader(DocumentLimits limits, FormatReader plainText, FormatReader markdown) {
        this.limits = limits;
        this.plainText = plainText;
        this.markdown = markdown;
    }

    /** Tika's parser and detector, built once on first use (loading every parser takes a second). */
    private static final class Engine {
        static final AutoDetectParser PARSER = new AutoDetectParser();
        static final Detector DETECTOR = PARSER.getDetector();
    }

    @Override
    public void read(SourceFile file, DocumentSink sink) {
        String name = file.name();
        long size;
        try {
            size = Files.size(file.path());
        } catch (IOException e) {
            sink.problem(new LoadProblem(name, 0, "cannot read: " + FileWalker.describe(e)));
            return;
        }
        if (size > limits.maxFileBytes()) {
            sink.problem(new LoadProblem(name, 0, "file too large (" + size + " bytes, limit " + limits.maxFileBytes() + ")"));
            return;
        }
        if (size == 0) {
            sink.problem(new LoadProblem(name, 0, "empty file"));
            return;
        }
        String type;
        try {
            type = detect(file.path());
        } catch (IOException e) {
            sink.problem(new LoadProblem(name, 0, "cannot read: " + FileWalker.describe(e)));
            return;
        }
        if (!SUPPORTED.contains(type)) {
            if (type.startsWith("text/") && !type.equals("text/html")) {
                String ext = Formats.extension(name);
                (ext.equals("md") || ext.equals("markdown") || type.equals("text/x-web-markdown") ? markdown : plainText)
                        .read(file, sink);
            } else {
                sink.problem(new LoadProblem(name, 0, "unsupported format (" + type + ")"));
            }
            return;
        }
        long started = System.nanoTime();
        long limitNanos = limits.parseTimeout().toNanos();
        Future<Parsed> parse = PARSERS.submit(() -> parse(file.path(), type));
        Parsed parsed;
        try {
            parsed = parse.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            sink.problem(timeLimitExceeded(name));
            return;
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing " + name, e);
        } catch (ExecutionException e) {
            sink.problem(new LoadProblem(name, 0, reason(e.getCause(), type)));
            return;
        }
        // a parse that finished before get() looked may still have overrun the limit: the limit is the parse's, not the wait's
        if (System.nanoTime() - started > limitNanos) {
            sink.problem(timeLimitExceeded(name));
            return;
        }
        if (parsed.text().isBlank()) {
            sink.problem(new LoadProblem(name, 0, type.equals("application/pdf")
                    ? "no text: scanned image? OCR is not enabled" : "no text found"));
            return;
        }
        String title = parsed.metadata().get(TikaCoreProperties.TITLE);
        if (title == null || title.isBlank()) {
            title = file.baseName();
        }
        sink.document(new SourceDocument(file.id(), title.strip(), name, parsed.text(), properties(parsed, type),
                parsed.layout()), name, 0);
    }

    private LoadProblem timeLimitExceeded(String name) {
        return new LoadProblem(name, 0, "parse time limit exceeded (" + limits.parseTimeout().toSeconds() + " s)");
    }

    private static String detect(Path path) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, path.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(path)) {
            MediaType type = Engine.DETECTOR.detect(in, metadata);
            return type.getBaseType().toString();
        }
    }

    /** What one parse yields. */
    private record Parsed(String text, Metadata metadata, DocumentLayout layout) {}

    private Parsed parse(Path path, String type) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, path.getFileName().toString());
        StructureHandler handler = new StructureHandler(limits.maxChars());
        ParseContext context = new ParseContext();
        // e-mail bodies are parts of the message: parse them, as attachments of any format (limits still apply)
        context.set(Parser.class, Engine.PARSER);
        try (TikaInputStream in = TikaInputStream.get(path, metadata)) {
            Engine.PARSER.parse(in, handler, metadata, context);
        }
        String text = handler.text();
        List<DocumentLayout.Heading> headings = new ArrayList<>(handler.headings());
        List<Integer> pages = handler.pageStarts();
        if (type.equals("application/pdf") && !text.isBlank()) {
            headings.addAll(PdfOutline.headings(path, text, pages));
        }
        headings.removeIf(h -> h.start() >= text.length());
        headings.sort(Comparator.comparingInt(DocumentLayout.Heading::start));
        return new Parsed(text, metadata, DocumentLayout.of(pages, headings, text.length()));
    }

    /** The document's own properties worth keeping on its node. */
    private static Map<String, Object> properties(Parsed parsed, String type) {
        Metadata m = parsed.metadata();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", type);
        String[] authors = m.getValues(TikaCoreProperties.CREATOR);
        if (authors.length > 0) {
            out.put("author", String.join("; ", authors));
        }
        putIfPresent(out, "created", m.get(TikaCoreProperties.CREATED));
        putIfPresent(out, "modified", m.get(TikaCoreProperties.MODIFIED));
        String language = m.get(DublinCore.LANGUAGE);
        putIfPresent(out, "language", language == null ? m.get(TikaCoreProperties.LANGUAGE) : language);
        if (!parsed.layout().pageStarts().isEmpty()) {
            out.put("pages", parsed.layout().pageStarts().size());
        } else if (m.getInt(PagedText.N_PAGES) != null) {
            out.put("pages", m.getInt(PagedText.N_PAGES));
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }

    /** A short reason fit for a problem line: what kind of failure, never a stack trace. */
    static String reason(Throwable failure, String type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return "encrypted (password-protected); cannot be read";
            }
            if (t instanceof StructureHandler.TooMuchText tooMuch) {
                return "more text than the limit (" + tooMuch.limit + " characters); not read";
            }
            if (t instanceof ZeroByteFileException) {
                return "empty file";
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                return "suspected zip bomb; not read";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int newline = detail.indexOf('\n');
        if (newline >= 0) {
            detail = detail.substring(0, newline);
        }
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        String kind = failure instanceof TikaException || failure instanceof IOException ? "corrupt or truncated " : "";
        return "cannot parse (" + kind + type + "): " + detail;
    }
}
