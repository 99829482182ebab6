package dev.engram.extraction.document;

import dev.engram.records.document.ContentHash;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 *   <li>{@code .txt}: plain text, titled with the file name without its extension.
 *   <li>PDF, DOCX, DOC, PPTX, PPT, XLSX, XLS, ODT, ODP, ODS, RTF, EPUB, HTML, EML, MSG, and any other file named or
 *       included explicitly: through Apache Tika ({@link TikaReader}), the format detected from the content; pages
 *       and headings are kept as the document's layout, title and properties come from the document. Text of an
 *       unknown extension is read as plain text; a {@code .txt}/{@code .md} file that turns out binary is detected.
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
 * Walked recursively, without following symbolic links to directories, reporting links to files outside the
 * directory as problems (not read), skipping hidden entries (names starting
 * with {@code .}), in sorted order of the relative path so runs are deterministic. Without include globs, only
 * {@code .txt}, {@code .md}, {@code .markdown}, {@code .jsonl} and the rich formats' extensions are read; with include globs (e.g.
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
 * <p>The work is done by small components: {@link FileWalker} lists the files, {@link Formats} picks a
 * {@link FormatReader} per extension ({@link PlainTextReader}, {@link MarkdownReader}, {@link JsonlReader}, all
 * decoding through {@link TextBytes}), and this class runs them, dropping repeated files and ids. Another format
 * is another reader in a {@link Formats}.
 *
 * <p>An instance holds only its settings and can be reused and shared between threads; each {@code forEach}
 * call is independent.
 */
public final class DocumentLoader {

    /** Extensions read from directories when no include glob is given. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.copyOf(Formats.standard().extensions());

    /** Largest .txt/.md file read (a JSONL file may be of any size; it is read line by line). */
    public static final long MAX_TEXT_FILE_BYTES = 64L * 1024 * 1024;

    /** Problems reported for one JSONL file before the rest of it is skipped. */
    public static final int MAX_PROBLEMS_PER_FILE = 100;

    private final List<String> includeGlobs;
    private final FileWalker walker;

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
        this(Formats.standard(), includeGlobs);
    }

    /** A loader of the standard formats with these limits on rich documents (size, parse time, text length). */
    public DocumentLoader(List<String> includeGlobs, DocumentLimits limits) {
        this(Formats.standard(limits), includeGlobs);
    }

    /** A loader reading the given formats; without include globs, directories yield the formats' extensions. */
    public DocumentLoader(Formats formats, List<String> includeGlobs) {
        this.includeGlobs = List.copyOf(includeGlobs);
        this.walker = new FileWalker(formats, this.includeGlobs);
    }

    /** The include globs this loader was made with (empty: the default extensions). */
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
            for (SourceFile file : walker.files(arg, run::problem)) {
                if (run.filesSeen.add(FileWalker.key(file))) {
                    file.reader().read(file, run);
                }
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
            for (SourceFile file : walker.files(arg, p -> {})) {
                if (seen.add(FileWalker.key(file))) {
                    count += file.reader().estimateDocuments(file);
                }
            }
        }
        return count;
    }

    /** The files {@link #forEach} reads for {@code paths}, in order (listing problems are not reported). */
    public List<Path> listFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path arg : paths) {
            for (SourceFile file : walker.files(arg, p -> {})) {
                out.add(file.path());
            }
        }
        return out;
    }

    /** One {@code forEach} call: counts, and the files and ids seen so far (a repeated id is a problem). */
    private static final class Run implements DocumentSink {
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

        @Override
        public void problem(LoadProblem p) {
            problemCount++;
            problems.accept(p);
        }

        @Override
        public boolean document(SourceDocument d, String file, long line) {
            if (!idsSeen.add(d.id())) {
                problem(new LoadProblem(file, line, "duplicate document id '" + d.id() + "' (already loaded); skipped"));
                return false;
            }
            documentCount++;
            documents.accept(d);
            return true;
        }
    }
}
