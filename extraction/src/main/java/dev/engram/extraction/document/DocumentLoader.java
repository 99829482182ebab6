package dev.engram.extraction.document;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.ContentHash;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads documents from files and directories, streaming: one document is in memory at a time (one file, or one
 * line of a JSONL corpus), and problems are reported and skipped while the rest loads.
 *
 * <h2>Formats, by file extension (case-insensitive)</h2>
 *
 * <ul>
 *   <li>{@code .jsonl}: one JSON object per line, {@code {"id", "title", "text", ...}} (the format of
 *       {@code shared/data/*}{@code /corpus.jsonl}). {@code text} is required (a non-blank string). {@code id} (a
 *       string or an integer) is the document id; when it is missing, null or blank the id is derived as
 *       {@code <file id>:<line>} (stable as long as the file's lines do not move). {@code title} defaults to
 *       {@code ""}. Every other non-null key becomes metadata, as plain Java values (String, Integer/Long,
 *       Double, Boolean, List, Map). {@code source} is {@code <path>:<line>}. Blank lines are skipped.
 *   <li>{@code .md}, {@code .markdown}: the whole file is the text; the title is the front-matter
 *       {@code title:}, else the first {@code # } heading outside code fences, else the file name without its
 *       extension.
 *   <li>anything else ({@code .txt}, or any file named explicitly): plain text, titled with the file name
 *       without its extension.
 * </ul>
 *
 * <p>Text files must be UTF-8 (checked strictly, never silently replaced); a leading byte-order mark is dropped
 * and CRLF line ends become LF, so the same file gives the same text (and {@link ContentHash}) on any OS. A
 * file's document {@code id} is its path relative to the <em>parent of the argument it was found under</em>, with
 * {@code /} separators: loading {@code /data/docs} names {@code /data/docs/a/b.md} {@code docs/a/b.md}, and
 * loading {@code /data/docs/a/b.md} directly names it {@code b.md}, the same on every machine. {@code source}
 * is the path as found (argument joined with the relative path). File documents have no metadata.
 *
 * <h2>Directories</h2>
 *
 * Walked recursively, without following symbolic links to directories, skipping hidden entries (names starting
 * with {@code .}), in sorted order of the relative path so runs are deterministic. Without include globs, only
 * {@code .txt}, {@code .md}, {@code .markdown} and {@code .jsonl} files are read; with include globs (e.g.
 * {@code **}{@code /*.md}, matched against the path relative to the directory; a leading {@code **}{@code /}
 * also matches top-level files) exactly the matching files are read. Files named explicitly are always read.
 * A file reached twice (e.g. through two arguments) is read once.
 *
 * <h2>Problems (reported as {@link LoadProblem}, then skipped)</h2>
 *
 * Missing or unreadable paths and directories (line 0); empty or blank files (line 0); binary files (a NUL
 * byte; line of the first one); invalid UTF-8 (line of the first bad byte); files over
 * {@value #MAX_TEXT_FILE_BYTES} bytes (line 0); JSONL lines that are not a JSON object, lack a string
 * {@code text}, have a blank {@code text}, an {@code id} that is not a string or integer, or an {@code id}
 * already loaded in this run (line numbers 1-based). After {@value #MAX_PROBLEMS_PER_FILE} problems in one
 * JSONL file the rest of that file is skipped, with one more problem saying so.
 *
 * <p>An instance holds only its settings and can be reused and shared between threads; each {@code forEach}
 * call is independent.
 */
public final class DocumentLoader {

    /** Extensions read from directories when no include glob is given. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of("txt", "md", "markdown", "jsonl");

    /** Largest .txt/.md file read (a JSONL file may be of any size; it is read line by line). */
    public static final long MAX_TEXT_FILE_BYTES = 64L * 1024 * 1024;

    /** Problems reported for one JSONL file before the rest of it is skipped. */
    public static final int MAX_PROBLEMS_PER_FILE = 100;

    private static final int SNIFF_BYTES = 8192;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<String> includeGlobs;
    private final List<PathMatcher> includeMatchers;

    /** A loader that reads the {@link #DEFAULT_EXTENSIONS} from directories. */
    public DocumentLoader() {
        this(List.of());
    }

    /**
     * A loader that reads from directories only files matching one of {@code includeGlobs} (java.nio glob
     * syntax, matched against the path relative to the directory, with {@code /} separators); an empty list
     * means the {@link #DEFAULT_EXTENSIONS}.
     */
    public DocumentLoader(List<String> includeGlobs) {
        this.includeGlobs = List.copyOf(includeGlobs);
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : this.includeGlobs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        this.includeMatchers = List.copyOf(matchers);
    }

    public List<String> includeGlobs() {
        return includeGlobs;
    }

    /**
     * Reads every document under {@code paths} (files or directories, in the order given), handing each good
     * document to {@code documents} and each problem to {@code problems}. Nothing is thrown for bad input; an
     * exception thrown by a consumer stops the run and propagates.
     */
    public LoadSummary forEach(List<Path> paths, Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(problems, "problems");
        Run run = new Run(documents, problems);
        for (Path arg : paths) {
            for (FileEntry file : files(arg, run::problem)) {
                run.load(file);
            }
        }
        return new LoadSummary(run.documentCount, run.problemCount);
    }

    /** Convenience for one path. */
    public LoadSummary forEach(Path path, Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
        return forEach(List.of(path), documents, problems);
    }

    /**
     * How many documents {@link #forEach} would hand over if nothing were wrong: one per text/Markdown file
     * plus one per non-blank JSONL line. Cheap (file listing plus a byte scan of JSONL files, no parsing), for
     * a progress bar; an upper bound when some inputs turn out to be bad.
     */
    public long countDocuments(List<Path> paths) {
        long count = 0;
        Set<Path> seen = new HashSet<>();
        for (Path arg : paths) {
            for (FileEntry file : files(arg, p -> {})) {
                if (!seen.add(file.key())) {
                    continue;
                }
                count += file.format() == Format.JSONL ? countNonBlankLines(file.path()) : 1;
            }
        }
        return count;
    }

    /** The files {@link #forEach} reads for {@code paths}, in order (listing problems are not reported). */
    public List<Path> listFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path arg : paths) {
            for (FileEntry file : files(arg, p -> {})) {
                out.add(file.path());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Listing

    private enum Format { TEXT, MARKDOWN, JSONL }

    /** A file to read, with its document id (relative path from the argument's parent). */
    private record FileEntry(Path path, String id, Format format) {
        Path key() {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return path.toAbsolutePath().normalize();
            }
        }
    }

    private List<FileEntry> files(Path arg, Consumer<LoadProblem> problems) {
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
            return List.of(new FileEntry(arg, relativeId(base, absolute), formatOf(arg)));
        }
        List<FileEntry> found = new ArrayList<>();
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
                    String rel = slashes(arg.relativize(file));
                    if (included(rel)) {
                        found.add(new FileEntry(file, relativeId(base, file.toAbsolutePath().normalize()), formatOf(file)));
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
        found.sort(Comparator.comparing(FileEntry::id));
        return found;
    }

    private boolean included(String relativePath) {
        if (includeMatchers.isEmpty()) {
            return DEFAULT_EXTENSIONS.contains(extension(relativePath));
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

    private static String relativeId(Path base, Path absoluteFile) {
        return slashes(base.relativize(absoluteFile));
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

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static Format formatOf(Path file) {
        return switch (extension(file.getFileName().toString())) {
            case "jsonl" -> Format.JSONL;
            case "md", "markdown" -> Format.MARKDOWN;
            default -> Format.TEXT;
        };
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    private static final class Run {
        final Consumer<SourceDocument> documents;
        final Consumer<LoadProblem> problems;
        final Set<Path> filesSeen = new HashSet<>();
        final Set<String> idsSeen = new HashSet<>();
        long documentCount;
        long problemCount;

        Run(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
            this.documents = documents;
            this.problems = problems;
        }

        void problem(LoadProblem p) {
            problemCount++;
            problems.accept(p);
        }

        void document(SourceDocument d, String file, long line) {
            if (!idsSeen.add(d.id())) {
                problem(new LoadProblem(file, line, "duplicate document id '" + d.id() + "' (already loaded); skipped"));
                return;
            }
            documentCount++;
            documents.accept(d);
        }

        void load(FileEntry file) {
            if (!filesSeen.add(file.key())) {
                return;
            }
            if (file.format() == Format.JSONL) {
                loadJsonl(this, file);
            } else {
                loadTextFile(this, file);
            }
        }
    }

    private static void loadTextFile(Run run, FileEntry file) {
        String name = file.path().toString();
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (size > MAX_TEXT_FILE_BYTES) {
                run.problem(new LoadProblem(name, 0, "file too large (" + size + " bytes, limit "
                        + MAX_TEXT_FILE_BYTES + ")"));
                return;
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            run.problem(new LoadProblem(name, 0, "cannot read: " + describe(e)));
            return;
        }
        int nul = indexOf(bytes, 0, bytes.length, (byte) 0);
        if (nul >= 0) {
            run.problem(new LoadProblem(name, lineAt(bytes, nul), "binary file (NUL byte), not text"));
            return;
        }
        String text;
        try {
            text = decodeUtf8(bytes, 0, bytes.length);
        } catch (BadUtf8 e) {
            run.problem(new LoadProblem(name, lineAt(bytes, e.offset), "invalid UTF-8 at byte " + e.offset));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (text.isBlank()) {
            run.problem(new LoadProblem(name, 0, "empty file"));
            return;
        }
        String title = file.format() == Format.MARKDOWN ? markdownTitle(text) : null;
        if (title == null || title.isBlank()) {
            title = baseName(file.path());
        }
        run.document(new SourceDocument(file.id(), title, name, text, Map.of()), name, 0);
    }

    private static void loadJsonl(Run run, FileEntry file) {
        String name = file.path().toString();
        int fileProblems = 0;
        try (InputStream raw = Files.newInputStream(file.path());
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            int nul = indexOf(head, 0, head.length, (byte) 0);
            if (nul >= 0) {
                run.problem(new LoadProblem(name, lineAt(head, nul), "binary file (NUL byte), not JSONL"));
                return;
            }
            if (head.length == 0) {
                run.problem(new LoadProblem(name, 0, "empty file"));
                return;
            }
            LineReader lines = new LineReader(in);
            long lineNo = 0;
            long nonBlank = 0;
            byte[] line;
            while ((line = lines.next()) != null) {
                lineNo++;
                String problem = jsonlLine(run, file, line, lineNo);
                if (problem != BLANK_LINE) {
                    nonBlank++;
                }
                if (problem == null || problem == BLANK_LINE || problem == REPORTED) {
                    continue;
                }
                run.problem(new LoadProblem(name, lineNo, problem));
                if (++fileProblems >= MAX_PROBLEMS_PER_FILE) {
                    run.problem(new LoadProblem(name, lineNo, "too many problems (" + fileProblems
                            + "); skipping the rest of this file"));
                    return;
                }
            }
            if (nonBlank == 0) {
                run.problem(new LoadProblem(name, 0, "empty file (no JSON lines)"));
            }
        } catch (IOException e) {
            run.problem(new LoadProblem(name, 0, "cannot read: " + describe(e)));
        }
    }

    // Outcomes of jsonlLine other than a problem message (compared by identity).
    private static final String BLANK_LINE = new String("blank line");
    private static final String REPORTED = new String("already reported");

    /**
     * Parses one JSONL line and hands the document over; returns null when it was, {@link #BLANK_LINE} or
     * {@link #REPORTED} when there is nothing (more) to report, else the problem.
     */
    private static String jsonlLine(Run run, FileEntry file, byte[] bytes, long lineNo) {
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int from = 0;
        if (lineNo == 1 && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        if (indexOf(bytes, from, len, (byte) 0) >= 0) {
            return "binary data (NUL byte) in line";
        }
        String line;
        try {
            line = decodeUtf8(bytes, from, len - from);
        } catch (BadUtf8 e) {
            return "invalid UTF-8 at byte " + (e.offset + from) + " of the line";
        }
        if (line.isBlank()) {
            return BLANK_LINE;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage();
        }
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || textNode.isNull()) {
            return "missing \"text\"";
        }
        if (!textNode.isTextual()) {
            return "\"text\" is not a string";
        }
        String text = textNode.textValue();
        if (text.isBlank()) {
            return "empty \"text\"";
        }
        JsonNode idNode = node.get("id");
        String id;
        if (idNode == null || idNode.isNull() || (idNode.isTextual() && idNode.textValue().isBlank())) {
            id = file.id() + ":" + lineNo;
        } else if (idNode.isTextual() || idNode.isIntegralNumber()) {
            id = idNode.asText();
        } else {
            return "\"id\" must be a string or an integer, was " + idNode.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
        JsonNode titleNode = node.get("title");
        String title = titleNode == null || titleNode.isNull() ? "" : titleNode.isValueNode() ? titleNode.asText() : titleNode.toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (key.equals("id") || key.equals("title") || key.equals("text") || f.getValue().isNull()) {
                continue;
            }
            metadata.put(key, JSON.convertValue(f.getValue(), Object.class));
        }
        String source = file.path() + ":" + lineNo;
        long before = run.documentCount;
        run.document(new SourceDocument(id, title, source, text, metadata), file.path().toString(), lineNo);
        return run.documentCount > before ? null : REPORTED;
    }

    /** Reads '\n'-terminated lines as raw bytes (UTF-8 never has '\n' inside a multi-byte character). */
    private static final class LineReader {
        private final InputStream in;
        private byte[] buf = new byte[8192];
        private final byte[] chunk = new byte[1 << 16];
        private int chunkPos;
        private int chunkLen;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            int len = 0;
            while (true) {
                if (chunkPos == chunkLen) {
                    chunkLen = in.read(chunk, 0, chunk.length);
                    chunkPos = 0;
                    if (chunkLen <= 0) {
                        chunkLen = 0;
                        return len == 0 ? null : Arrays.copyOf(buf, len);
                    }
                }
                int nl = indexOf(chunk, chunkPos, chunkLen, (byte) '\n');
                int end = nl >= 0 ? nl : chunkLen;
                int n = end - chunkPos;
                if (len + n > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
                }
                System.arraycopy(chunk, chunkPos, buf, len, n);
                len += n;
                chunkPos = end;
                if (nl >= 0) {
                    chunkPos++;
                    return Arrays.copyOf(buf, len);
                }
            }
        }
    }

    private static long countNonBlankLines(Path file) {
        long count = 0;
        boolean content = false;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        if (content) {
                            count++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return content ? count + 1 : count;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bytes and text

    private static final class BadUtf8 extends Exception {
        final int offset;

        BadUtf8(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /** Strict UTF-8 decoding; the exception carries the offset of the first bad byte (relative to {@code from}). */
    private static String decodeUtf8(byte[] bytes, int from, int length) throws BadUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new BadUtf8(in.position() - from);
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new BadUtf8(in.position() - from);
        }
        out.flip();
        return out.toString();
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** 1-based line of byte {@code offset}. */
    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Title from YAML front matter ({@code title: ...}) or the first ATX level-1 heading outside code fences. */
    static String markdownTitle(String text) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int j = 1; j < lines.length; j++) {
                String l = lines[j].strip();
                if (l.equals("---") || l.equals("...")) {
                    i = j + 1;
                    break;
                }
                if (l.startsWith("title:")) {
                    String t = unquote(l.substring("title:".length()).strip());
                    if (!t.isBlank()) {
                        return t;
                    }
                }
            }
        }
        String fence = null;
        for (; i < lines.length; i++) {
            String l = lines[i];
            String stripped = l.stripLeading();
            int indent = l.length() - stripped.length();
            if (indent <= 3 && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                String marker = stripped.substring(0, 3);
                if (fence == null) {
                    fence = marker;
                } else if (marker.equals(fence)) {
                    fence = null;
                }
                continue;
            }
            if (fence == null && indent <= 3 && (stripped.startsWith("# ") || stripped.startsWith("#\t"))) {
                String t = stripped.substring(2).strip();
                t = t.replaceAll("\\s+#+$", "").replaceAll("^#+$", "").strip(); // closing #s
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return null;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
