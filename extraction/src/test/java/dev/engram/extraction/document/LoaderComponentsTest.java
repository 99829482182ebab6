package dev.engram.extraction.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's components one at a time: decoding, each format's reader, the walk, the format registry. */
class LoaderComponentsTest {
    @TempDir
    Path dir;

    /** A sink that keeps everything and refuses nothing. */
    private static final class Collected implements DocumentSink {
        final List<SourceDocument> documents = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();

        @Override
        public boolean document(SourceDocument document, String file, long line) {
            documents.add(document);
            return true;
        }

        @Override
        public void problem(LoadProblem problem) {
            problems.add(problem);
        }
    }

    private Collected read(FormatReader reader, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Collected sink = new Collected();
        reader.read(new SourceFile(file, name, reader), sink);
        return sink;
    }

    @Test
    void textBytesDecodeStrictlyDropTheBomAndNormaliseLineEnds() throws Exception {
        assertThat(TextBytes.fileText("\uFEFFa\r\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\nb");
        byte[] bad = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9};
        assertThatThrownBy(() -> TextBytes.fileText(bad)).isInstanceOfSatisfying(TextBytes.BadUtf8.class,
                e -> assertThat(e.offset).isEqualTo(6));
        assertThat(TextBytes.lineAt(bad, 6)).isEqualTo(2);
        assertThat(TextBytes.nul(new byte[] {'a', 0, 'b'}, 0, 3)).isEqualTo(1);
    }

    @Test
    void plainTextIsTitledByItsFileName() throws IOException {
        Collected got = read(new PlainTextReader(null), "notes.txt", "# Not a title\nbody\n".getBytes(StandardCharsets.UTF_8));
        assertThat(got.documents).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("notes");
            assertThat(d.id()).isEqualTo("notes.txt");
        });
        assertThat(read(new PlainTextReader(null), "bin.txt", new byte[] {'a', 0}).problems)
                .extracting(LoadProblem::message).containsExactly("binary file (NUL byte), not text");
        assertThat(read(new PlainTextReader(null), "blank.txt", " \n".getBytes(StandardCharsets.UTF_8)).problems)
                .extracting(LoadProblem::message).containsExactly("empty file");
    }

    @Test
    void markdownIsTitledByFrontMatterOrItsFirstHeadingOutsideFences() throws IOException {
        assertThat(MarkdownReader.title("---\ntitle: \"Front\"\n---\n# Heading\n")).isEqualTo("Front");
        assertThat(MarkdownReader.title("```\n# fenced\n```\n# Real #\n")).isEqualTo("Real");
        assertThat(MarkdownReader.title("no heading\n")).isNull();
        assertThat(read(new MarkdownReader(null), "plain.md", "no heading\n".getBytes(StandardCharsets.UTF_8)).documents)
                .extracting(SourceDocument::title).containsExactly("plain");
    }

    @Test
    void jsonlReadsEachLineAndReportsBadOnesByLine() throws IOException {
        String lines = "{\"id\":\"a\",\"title\":\"A\",\"text\":\"Alpha.\",\"year\":1999}\n\n{\"text\":\"no id\"}\nnot json\n";
        Collected got = read(new JsonlReader(), "c.jsonl", lines.getBytes(StandardCharsets.UTF_8));
        assertThat(got.documents).extracting(SourceDocument::id).containsExactly("a", "c.jsonl:3");
        assertThat(got.documents.getFirst().metadata()).containsEntry("year", 1999);
        assertThat(got.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("not valid JSON");
        });
        assertThat(new JsonlReader().estimateDocuments(new SourceFile(dir.resolve("c.jsonl"), "c.jsonl", null))).isEqualTo(3);
    }

    @Test
    void theWalkSkipsHiddenEntriesSortsAndNamesFilesFromTheArgumentsParent() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(Files.createDirectories(docs.resolve("sub")).resolve("b.md"), "b");
        Files.writeString(docs.resolve("a.txt"), "a");
        Files.writeString(docs.resolve(".hidden.txt"), "h");
        Files.writeString(docs.resolve("data.csv"), "x");
        List<LoadProblem> problems = new ArrayList<>();
        FileWalker walker = new FileWalker(Formats.standard(), List.of());
        assertThat(walker.files(docs, problems::add)).extracting(SourceFile::id).containsExactly("docs/a.txt", "docs/sub/b.md");
        assertThat(new FileWalker(Formats.standard(), List.of("**/*.csv")).files(docs, problems::add))
                .extracting(SourceFile::id).containsExactly("docs/data.csv");
        assertThat(walker.files(dir.resolve("missing"), problems::add)).isEmpty();
        assertThat(problems).extracting(LoadProblem::message).containsExactly("no such file or directory");
    }

    @Test
    void formatsChooseTheReaderByExtension() {
        Formats formats = Formats.standard();
        assertThat(formats.readerFor("A.JSONL")).isInstanceOf(JsonlReader.class);
        assertThat(formats.readerFor("notes.markdown")).isInstanceOf(MarkdownReader.class);
        // anything else is detected from its content (text is then read as plain text)
        assertThat(formats.readerFor("data.csv")).isInstanceOf(TikaReader.class);
        assertThat(formats.readerFor("Report.PDF")).isInstanceOf(TikaReader.class);
        assertThat(formats.extensions()).containsExactlyInAnyOrderElementsOf(DocumentLoader.DEFAULT_EXTENSIONS);
        FormatReader csv = (file, sink) -> sink.document(new SourceDocument(file.id(), "csv", file.name(), "x",
                java.util.Map.of()), file.name(), 0);
        assertThat(formats.with("CSV", csv).readerFor("data.csv")).isSameAs(csv);
        assertThat(formats.readerFor("data.csv")).as("unchanged").isInstanceOf(TikaReader.class);
    }

    @Test
    void aLoaderOfMoreFormatsWalksTheirExtensionsToo() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("more"));
        Files.writeString(docs.resolve("a.csv"), "x");
        Files.writeString(docs.resolve("b.txt"), "plain");
        FormatReader csv = (file, sink) -> sink.document(new SourceDocument(file.id(), "csv", file.name(), "x",
                java.util.Map.of()), file.name(), 0);
        List<SourceDocument> got = new ArrayList<>();
        new DocumentLoader(Formats.standard().with("csv", csv), List.of()).forEach(docs, got::add, p -> {});
        assertThat(got).extracting(SourceDocument::id).containsExactly("more/a.csv", "more/b.txt");
        assertThat(got).extracting(SourceDocument::title).containsExactly("csv", "b");
    }
}
