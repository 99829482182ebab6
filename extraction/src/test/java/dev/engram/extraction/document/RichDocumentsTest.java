package dev.engram.extraction.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.records.document.DocumentSection;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files of every format through the loader: text, title and properties, pages and sections, the chunks' page
 * ranges and section paths, and each kind of bad input reported for its file while the rest of the batch loads.
 */
class RichDocumentsTest {
    @TempDir
    Path dir;

    private static BgeTokenizer tokenizer;

    @BeforeAll
    static void tokenizer() {
        tokenizer = BgeTokenizer.loadDefault();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private record Loaded(Map<String, SourceDocument> documents, List<LoadProblem> problems) {
        SourceDocument one() {
            assertThat(problems).isEmpty();
            assertThat(documents).hasSize(1);
            return documents.values().iterator().next();
        }

        String problemOf(String fileName) {
            return problems.stream().filter(p -> p.file().endsWith(fileName)).map(LoadProblem::message).findFirst()
                    .orElseThrow(() -> new AssertionError("no problem for " + fileName + " in " + problems));
        }
    }

    private static Loaded load(DocumentLoader loader, Path... paths) {
        List<SourceDocument> docs = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        loader.forEach(List.of(paths), docs::add, problems::add);
        return new Loaded(docs.stream().collect(Collectors.toMap(SourceDocument::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new)), problems);
    }

    private static Loaded load(Path... paths) {
        return load(new DocumentLoader(), paths);
    }

    @Test
    void pdfKeepsPagesAndOutlineSectionsIntoChunks() throws IOException {
        SourceDocument doc = load(DocumentFixtures.reportPdf(dir.resolve("report.pdf"))).one();
        assertThat(doc.title()).isEqualTo("Annual report 2025");
        assertThat(doc.metadata()).containsEntry("author", "Engram tests").containsEntry("format", "application/pdf")
                .containsEntry("pages", 4);
        assertThat(doc.layout().pageStarts()).hasSize(4);
        assertThat(doc.layout().sections()).extracting(DocumentSection::title, DocumentSection::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1 Introduction", 1),
                        org.assertj.core.groups.Tuple.tuple("2 Results", 1),
                        org.assertj.core.groups.Tuple.tuple("2.1 Revenue", 2),
                        org.assertj.core.groups.Tuple.tuple("2.2 Costs", 2));
        assertThat(doc.layout().sections().get(2).parent()).isEqualTo(1);

        // small chunks, so each page is its own chunk and the sections show
        List<TextChunk> chunks = new TokenChunker(tokenizer, 24, 4).chunk(doc);
        TextChunk revenue = chunks.stream().filter(c -> c.text().contains("14 million")).findFirst().orElseThrow();
        assertThat(revenue.pageStart()).isEqualTo(3);
        assertThat(revenue.sectionPath()).containsExactly("2 Results", "2.1 Revenue");
        assertThat(revenue.sectionId()).isEqualTo(DocumentSection.id("report.pdf", 2));
        TextChunk intro = chunks.getFirst();
        assertThat(intro.pageStart()).isEqualTo(1);
        assertThat(intro.sectionPath()).containsExactly("1 Introduction");
        // no chunk crosses a top-level section: none holds both introduction and results text
        assertThat(chunks).noneMatch(c -> c.text().contains("lighthouses") && c.text().contains("mixed"));
        for (TextChunk c : chunks) {
            assertThat(doc.text().substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void docxKeepsNestedHeadings() throws IOException {
        SourceDocument doc = load(DocumentFixtures.docx(dir.resolve("manual.docx"))).one();
        assertThat(doc.title()).isEqualTo("Field manual");
        assertThat(doc.metadata()).containsEntry("author", "Ada Keeper");
        List<TextChunk> chunks = new TokenChunker(tokenizer).chunk(doc);
        assertThat(chunks).hasSize(2); // one per top-level section, though the whole text would fit one chunk
        TextChunk overview = chunks.getFirst();
        assertThat(overview.text()).contains("weather").contains("south of the river").doesNotContain("barometer");
        assertThat(overview.sectionPath()).containsExactly("Overview");
        assertThat(chunks.get(1).sectionPath()).containsExactly("Methods");
        assertThat(doc.layout().sections()).extracting(s -> doc.layout().pathOf(s))
                .containsExactly(List.of("Overview"), List.of("Overview", "Scope"), List.of("Overview", "Scope", "Limits"),
                        List.of("Methods"));
        assertThat(overview.pageStart()).isZero();
    }

    @Test
    void pptxSlidesArePages() throws IOException {
        SourceDocument doc = load(DocumentFixtures.pptx(dir.resolve("review.pptx"))).one();
        assertThat(doc.title()).isEqualTo("Quarterly review");
        assertThat(doc.layout().pageStarts()).hasSize(3);
        int budget = doc.text().indexOf("ten percent");
        assertThat(doc.layout().pageAt(budget)).isEqualTo(2);
    }

    @Test
    void xlsxHtmlRtfEmlOdtEpubAreRead() throws IOException {
        Loaded loaded = load(DocumentFixtures.xlsx(dir.resolve("stations.xlsx")), DocumentFixtures.html(dir.resolve("guide.html")),
                DocumentFixtures.rtf(dir.resolve("storm.rtf")), DocumentFixtures.eml(dir.resolve("oil.eml")),
                DocumentFixtures.odt(dir.resolve("coast.odt")), DocumentFixtures.epub(dir.resolve("year.epub")));
        assertThat(loaded.problems()).isEmpty();
        Map<String, SourceDocument> d = loaded.documents();
        assertThat(d.get("stations.xlsx").text()).contains("North Point | Ada Keeper | 42");
        SourceDocument html = d.get("guide.html");
        assertThat(html.title()).isEqualTo("Keeper's guide");
        assertThat(html.text()).contains("Clean the lamp lens").doesNotContain("not text").doesNotContain("color");
        assertThat(html.layout().sections()).extracting(s -> html.layout().pathOf(s))
                .containsExactly(List.of("Keeper's guide"), List.of("Keeper's guide", "Lamps"), List.of("Keeper's guide", "Logs"));
        assertThat(d.get("storm.rtf").text()).contains("north tower").contains("six weeks");
        assertThat(d.get("oil.eml").title()).isEqualTo("Lamp oil delivery");
        assertThat(d.get("oil.eml").text()).contains("north pier");
        SourceDocument odt = d.get("coast.odt");
        assertThat(odt.title()).isEqualTo("Coastal notes");
        assertThat(odt.layout().sections()).extracting(DocumentSection::title).containsExactly("Tides", "Winds");
        SourceDocument epub = d.get("year.epub");
        assertThat(epub.title()).isEqualTo("The keeper's year");
        assertThat(epub.text()).contains("four o'clock");
        assertThat(epub.layout().sections()).extracting(DocumentSection::title).contains("Winter");
    }

    /**
     * Word 97 and Outlook files, which POI cannot write: Tika's own test documents, unpacked from its test jar by the
     * build (see this module's pom) into target/tika-test-documents.
     */
    @Test
    void docAndMsgFromTikasOwnTestDocumentsAreRead() throws IOException {
        Path tikaDocuments = Path.of("target/tika-test-documents/test-documents");
        Loaded loaded = load(tikaDocuments.resolve("testWORD.doc"), tikaDocuments.resolve("testMSG.msg"));
        assertThat(loaded.problems()).isEmpty();
        SourceDocument doc = loaded.documents().get("testWORD.doc");
        assertThat(doc.title()).isEqualTo("Sample Word Document");
        assertThat(doc.metadata()).containsEntry("author", "Keith Bennett").containsEntry("format", "application/msword")
                .containsEntry("created", "2010-11-12T16:22:00Z");
        assertThat(doc.text()).contains("Sample Word Document Title").contains("Heading Level 3");
        // Word 97 heading styles become nested sections, as in a DOCX
        assertThat(doc.layout().sections()).extracting(DocumentSection::title, DocumentSection::level, DocumentSection::parent)
                .contains(org.assertj.core.groups.Tuple.tuple("Heading Level 1", 1, -1),
                        org.assertj.core.groups.Tuple.tuple("Heading Level 2", 2, 3),
                        org.assertj.core.groups.Tuple.tuple("Heading Level 3", 3, 4));
        SourceDocument msg = loaded.documents().get("testMSG.msg");
        assertThat(msg.title()).as("the subject").isEqualTo("MIME registry use cases");
        assertThat(msg.metadata()).containsEntry("author", "Jukka Zitting").containsEntry("format", "application/vnd.ms-outlook")
                .containsEntry("created", "2009-01-29T19:16:40Z");
        assertThat(msg.text()).contains("tika-dev@lucene.apache.org").contains("making the type detection code more");
    }

    @Test
    void formatIsDetectedFromContent() throws IOException {
        Path disguised = Files.move(DocumentFixtures.reportPdf(dir.resolve("a.pdf")), dir.resolve("report.txt"));
        Path noExtension = Files.move(DocumentFixtures.docx(dir.resolve("b.docx")), dir.resolve("manual"));
        Loaded loaded = load(disguised, noExtension);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.documents().get("report.txt").title()).isEqualTo("Annual report 2025");
        assertThat(loaded.documents().get("manual").title()).isEqualTo("Field manual");
    }

    @Test
    void badInputIsReportedPerFileAndTheRestLoads() throws IOException {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        DocumentFixtures.reportPdf(batch.resolve("good.pdf"));
        DocumentFixtures.encryptedPdf(batch.resolve("locked.pdf"));
        DocumentFixtures.truncatedPdf(batch.resolve("cut.pdf"));
        DocumentFixtures.textlessPdf(batch.resolve("scan.pdf"));
        DocumentFixtures.docxBomb(batch.resolve("bomb.docx"), 40);
        Files.write(batch.resolve("photo.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        DocumentFixtures.docx(batch.resolve("good.docx"));
        Loaded loaded = load(batch);
        assertThat(loaded.documents().keySet()).containsExactly("batch/good.docx", "batch/good.pdf");
        assertThat(loaded.problemOf("locked.pdf")).isEqualTo("encrypted (password-protected); cannot be read");
        assertThat(loaded.problemOf("cut.pdf")).startsWith("cannot parse (corrupt or truncated application/pdf)");
        assertThat(loaded.problemOf("scan.pdf")).isEqualTo("no text: scanned image? OCR is not enabled");
        assertThat(loaded.problemOf("bomb.docx")).isIn("suspected zip bomb; not read",
                "more text than the limit (20000000 characters); not read");
        assertThat(loaded.problemOf("photo.html")).isEqualTo("unsupported format (image/png)");
        assertThat(loaded.problems()).hasSize(5);
    }

    @Test
    void limitsOnSizeTextAndTimeAreReported() throws IOException {
        Path pdf = DocumentFixtures.reportPdf(dir.resolve("report.pdf"));
        Path docx = DocumentFixtures.docx(dir.resolve("manual.docx"));
        DocumentLoader tight = new DocumentLoader(Formats.standard(new DocumentLimits(500, Duration.ofSeconds(60), 1_000_000)), List.of());
        Loaded loaded = load(tight, pdf, docx);
        assertThat(loaded.documents()).isEmpty();
        assertThat(loaded.problemOf("report.pdf")).startsWith("file too large (").endsWith(" bytes, limit 500)");
        DocumentLoader shortText = new DocumentLoader(Formats.standard(new DocumentLimits(1_000_000, Duration.ofSeconds(60), 100)), List.of());
        assertThat(load(shortText, docx).problemOf("manual.docx")).isEqualTo("more text than the limit (100 characters); not read");
        DocumentLoader impatient = new DocumentLoader(Formats.standard(new DocumentLimits(1_000_000, Duration.ofNanos(1), 1_000_000)), List.of());
        assertThat(load(impatient, pdf).problemOf("report.pdf")).isEqualTo("parse time limit exceeded (0 s)");
    }

    @Test
    void markdownHeadingsAreSectionsAndJsonlHasNone() throws IOException {
        Path md = Files.writeString(dir.resolve("notes.md"), "# Notes\n\nIntro.\n\n## Tools\n\n```\n# not a heading\n```\n\n# Later\n\nEnd.\n");
        Path jsonl = Files.writeString(dir.resolve("c.jsonl"), "{\"id\":\"p1\",\"title\":\"T\",\"text\":\"# Not a heading\\nbody\"}\n");
        Loaded loaded = load(md, jsonl);
        SourceDocument notes = loaded.documents().get("notes.md");
        assertThat(notes.layout().sections()).extracting(s -> notes.layout().pathOf(s))
                .containsExactly(List.of("Notes"), List.of("Notes", "Tools"), List.of("Later"));
        SourceDocument passage = loaded.documents().get("p1");
        assertThat(passage.layout().isEmpty()).isTrue();
        TokenChunker chunker = new TokenChunker(tokenizer);
        assertThat(chunker.chunk(passage)).isEqualTo(chunker.chunk(passage.id(), passage.text()));
    }
}
