package dev.engram.extraction.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.LoadProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {

    @TempDir
    Path tmp;

    private final List<SourceDocument> docs = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    private LoadSummary load(DocumentLoader loader, Path... paths) {
        return loader.forEach(List.of(paths), docs::add, problems::add);
    }

    private LoadSummary load(Path... paths) {
        return load(new DocumentLoader(), paths);
    }

    private Path write(String rel, String content) throws IOException {
        return write(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String rel, byte[] content) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    @Test
    void plainTextFile() throws IOException {
        Path f = write("notes/hello.txt", "Hello\r\nworld\n");
        LoadSummary s = load(f);
        assertThat(problems).isEmpty();
        assertThat(s).isEqualTo(new LoadSummary(1, 0));
        assertThat(docs).containsExactly(new SourceDocument("hello.txt", "hello", f.toString(), "Hello\nworld\n", Map.of()));
    }

    @Test
    void markdownTitleFromFirstHeadingOutsideCodeFences() throws IOException {
        write("docs/a.md", "Intro line\n```\n# not a title\n```\n## Sub\n# The Title #\ntext\n");
        write("docs/b.markdown", "no heading here\n");
        write("docs/c.md", "---\ntitle: \"Front Matter\"\n---\n# Heading\n");
        load(tmp.resolve("docs"));
        assertThat(problems).isEmpty();
        assertThat(docs).extracting(SourceDocument::id, SourceDocument::title)
                .containsExactly(tuple("docs/a.md", "The Title"), tuple("docs/b.markdown", "b"),
                        tuple("docs/c.md", "Front Matter"));
    }

    @Test
    void directoryIsRecursiveSortedFilteredAndIdsAreRelativeToTheArgumentsParent() throws IOException {
        write("root/b.txt", "b");
        write("root/a/z.md", "# Z\nz");
        write("root/a/y.txt", "y");
        write("root/image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        write("root/.git/config", "hidden");
        write("root/.hidden.txt", "hidden");
        LoadSummary s = load(tmp.resolve("root"));
        assertThat(problems).isEmpty();
        assertThat(s.documents()).isEqualTo(3);
        assertThat(docs).extracting(SourceDocument::id).containsExactly("root/a/y.txt", "root/a/z.md", "root/b.txt");
        assertThat(docs.get(1).source()).isEqualTo(tmp.resolve("root/a/z.md").toString());
    }

    @Test
    void linksInsideAFolderAreReadButLinksLeadingOutAreReportedNotRead() throws IOException {
        Path secret = write("outside/passwd.txt", "root:x:0:0");
        write("root/a.txt", "a");
        Files.createSymbolicLink(tmp.resolve("root/inner.md"), tmp.resolve("root/a.txt"));
        Files.createSymbolicLink(tmp.resolve("root/leak.txt"), secret);
        Files.createSymbolicLink(tmp.resolve("root/etc"), tmp.resolve("outside"));
        load(tmp.resolve("root"));
        assertThat(docs).extracting(SourceDocument::id).containsExactly("root/a.txt");
        assertThat(docs).extracting(SourceDocument::text).doesNotContain("root:x:0:0");
        assertThat(problems).extracting(LoadProblem::file, LoadProblem::message).containsExactly(
                tuple(tmp.resolve("root/leak.txt").toString(), "a symbolic link leading outside the folder being read; not read"));
        assertThat(new DocumentLoader().countDocuments(List.of(tmp.resolve("root")))).isOne();
    }

    @Test
    void includeGlobsSelectFilesIncludingTopLevel() throws IOException {
        write("root/top.md", "top");
        write("root/sub/deep.md", "deep");
        write("root/sub/skip.txt", "skip");
        write("root/sub/notes.rst", "rst is read as text when included");
        DocumentLoader loader = new DocumentLoader(List.of("**/*.md", "**/*.rst"));
        load(loader, tmp.resolve("root"));
        assertThat(docs).extracting(SourceDocument::id).containsExactly("root/sub/deep.md", "root/sub/notes.rst", "root/top.md");
        assertThat(loader.countDocuments(List.of(tmp.resolve("root")))).isEqualTo(3);
    }

    @Test
    void jsonlCorpusWithMetadataAndProblemsPerLine() throws IOException {
        Path f = write("corpus.jsonl", String.join("\n",
                "{\"id\": \"p1\", \"title\": \"Teutberga\", \"text\": \"A queen.\", \"year\": 875, \"tags\": [\"a\"], \"gone\": null}",
                "",
                "not json",
                "{\"id\": \"p2\", \"title\": \"No text\"}",
                "{\"id\": \"p3\", \"text\": \"   \"}",
                "[1, 2]",
                "{\"title\": \"No id\", \"text\": \"Derived id.\"}",
                "{\"id\": 42, \"text\": \"Numeric id.\"}",
                "{\"id\": \"p1\", \"text\": \"Duplicate id.\"}",
                "{\"id\": {\"x\": 1}, \"text\": \"Bad id.\"}",
                "{\"id\": \"p4\", \"text\": 7}",
                "{\"id\": \"p5\", \"text\": \"ok\"} trailing",
                "{\"id\": \"p6\", \"text\": \"Last, no newline.\"}"));
        LoadSummary s = load(f);
        assertThat(docs).extracting(SourceDocument::id).containsExactly("p1", "corpus.jsonl:7", "42", "p6");
        SourceDocument p1 = docs.get(0);
        assertThat(p1.title()).isEqualTo("Teutberga");
        assertThat(p1.text()).isEqualTo("A queen.");
        assertThat(p1.source()).isEqualTo(f + ":1");
        assertThat(p1.metadata()).isEqualTo(Map.of("year", 875, "tags", List.of("a")));
        assertThat(docs.get(1).title()).isEqualTo("No id");
        assertThat(docs.get(2).title()).isEmpty();
        assertThat(problems).extracting(LoadProblem::file).containsOnly(f.toString());
        assertThat(problems).extracting(LoadProblem::line).containsExactly(3L, 4L, 5L, 6L, 9L, 10L, 11L, 12L);
        assertThat(problems.get(0).message()).startsWith("not valid JSON");
        assertThat(problems.get(1).message()).isEqualTo("missing \"text\"");
        assertThat(problems.get(2).message()).isEqualTo("empty \"text\"");
        assertThat(problems.get(3).message()).isEqualTo("not a JSON object");
        assertThat(problems.get(4).message()).contains("duplicate document id 'p1'");
        assertThat(problems.get(5).message()).contains("\"id\" must be a string or an integer");
        assertThat(problems.get(6).message()).isEqualTo("\"text\" is not a string");
        assertThat(problems.get(7).message()).startsWith("not valid JSON");
        assertThat(s).isEqualTo(new LoadSummary(4, 8));
        assertThat(new DocumentLoader().countDocuments(List.of(f))).isEqualTo(12);
    }

    @Test
    void invalidUtf8InAJsonlLineSkipsOnlyThatLine() throws IOException {
        byte[] good1 = "{\"id\":\"a\",\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"b\",\"text\":\"bad \u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good2 = "{\"id\":\"c\",\"text\":\"caf\u00e9\"}\r\n".getBytes(StandardCharsets.UTF_8);
        Path f = write("x.jsonl", concat(good1, bad, good2));
        load(f);
        assertThat(docs).extracting(SourceDocument::id, SourceDocument::text).containsExactly(tuple("a", "fine"), tuple("c", "café"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("invalid UTF-8");
        });
    }

    @Test
    void badFilesAreReportedWithFileAndLineAndTheRestStillLoads() throws IOException {
        write("dir/1-good.txt", "Good text.");
        Path binary = write("dir/2-binary.txt", concat("line one\nline two\n".getBytes(StandardCharsets.UTF_8), new byte[] {1, 0, 2}));
        Path empty = write("dir/3-empty.md", "");
        Path blank = write("dir/4-blank.txt", " \n\t\n");
        Path utf8 = write("dir/5-latin1.txt", "first\nsecond\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        Path emptyJsonl = write("dir/6-empty.jsonl", "\n\n");
        Path binJsonl = write("dir/7-bin.jsonl", new byte[] {'{', 0, 0, 0});
        write("dir/8-good.md", "\uFEFF# Good\nmarkdown");
        Path missing = tmp.resolve("missing.txt");
        LoadSummary s = load(tmp.resolve("dir"), missing);
        assertThat(docs).extracting(SourceDocument::id).containsExactly("dir/1-good.txt", "dir/8-good.md");
        assertThat(docs.get(1).text()).isEqualTo("# Good\nmarkdown");
        assertThat(docs.get(1).title()).isEqualTo("Good");
        assertThat(problems).extracting(LoadProblem::file, LoadProblem::line).containsExactly(
                tuple(binary.toString(), 3L),
                tuple(empty.toString(), 0L),
                tuple(blank.toString(), 0L),
                tuple(utf8.toString(), 3L),
                tuple(emptyJsonl.toString(), 0L),
                tuple(binJsonl.toString(), 1L),
                tuple(missing.toString(), 0L));
        assertThat(problems.get(0).message()).contains("binary");
        assertThat(problems.get(1).message()).contains("empty");
        assertThat(problems.get(3).message()).contains("invalid UTF-8");
        assertThat(problems.get(6).message()).contains("no such file");
        assertThat(s).isEqualTo(new LoadSummary(2, 7));
    }

    @Test
    void tooManyProblemsInOneJsonlFileStopsThatFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("garbage ").append(i).append('\n');
        }
        Path f = write("junk.jsonl", sb.toString());
        Path good = write("good.txt", "still loaded");
        load(f, good);
        assertThat(problems).hasSize(DocumentLoader.MAX_PROBLEMS_PER_FILE + 1);
        assertThat(problems.get(problems.size() - 1).message()).contains("skipping the rest");
        assertThat(docs).extracting(SourceDocument::id).containsExactly("good.txt");
    }

    @Test
    void aFileReachedTwiceIsReadOnce() throws IOException {
        Path f = write("d/a.txt", "a");
        load(tmp.resolve("d"), f);
        assertThat(docs).extracting(SourceDocument::id).containsExactly("d/a.txt");
        assertThat(problems).isEmpty();
    }

    @Test
    void countsTheRealCorpusCheaply() {
        java.util.Optional<Path> found = dev.engram.extraction.testing.SharedData.resolve("2wiki/corpus.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), "shared corpus not present");
        Path corpus = found.get();
        DocumentLoader loader = new DocumentLoader();
        long counted = loader.countDocuments(List.of(corpus));
        LoadSummary s = loader.forEach(List.of(corpus), d -> {}, problems::add);
        assertThat(problems).isEmpty();
        assertThat(s.documents()).isEqualTo(counted).isGreaterThan(1000);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
