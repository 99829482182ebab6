package dev.engram.extraction.document;

import dev.engram.records.document.SourceDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Extraction speed of the Tika loader on generated PDF and DOCX files of the same text: pages per second (a DOCX
 * "page" is the text of one PDF page). Also writes the PDF for an end-to-end {@code engram ingest} run.
 *
 * <pre>./mvnw -q -pl extraction exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.engram.extraction.document.DocumentExtractionBench -Dexec.args="200 5 target/bench-docs"</pre>
 *
 * Arguments: pages (200), timed rounds after one warm-up (5), output folder (kept, so the PDF can be ingested).
 */
public final class DocumentExtractionBench {
    private static final String[] WORDS = ("keeper lighthouse harbour storm lamp tower coast granite revenue contract "
            + "northern station weather barometer report budget vessel pier signal beacon island cliff survey tide "
            + "engineer council winter summer repair delivery oil lens crew season island rock").split(" ");

    private DocumentExtractionBench() {}

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench-docs"));
        List<DocumentFixtures.PdfPage> content = pages(pages);
        Path pdf = DocumentFixtures.pdf(out.resolve("report-" + pages + "p.pdf"), "Benchmark report", content);
        Path docx = docx(out.resolve("report-" + pages + "p.docx"), content);
        System.out.printf("files: %s (%d bytes), %s (%d bytes)%n", pdf, Files.size(pdf), docx, Files.size(docx));
        DocumentLoader loader = new DocumentLoader();
        for (Path file : List.of(pdf, docx)) {
            load(loader, file); // warm-up: Tika's parsers load on first use
            double[] seconds = new double[rounds];
            int chars = 0;
            int sections = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                SourceDocument doc = load(loader, file);
                seconds[r] = (System.nanoTime() - t) / 1e9;
                chars = doc.text().length();
                sections = doc.layout().sections().size();
            }
            java.util.Arrays.sort(seconds);
            double median = seconds[rounds / 2];
            System.out.printf("%s: %d pages, %d chars, %d sections; median %.3f s of %d rounds (min %.3f, max %.3f): %.0f pages/s%n",
                    file.getFileName(), pages, chars, sections, median, rounds, seconds[0], seconds[rounds - 1], pages / median);
        }
    }

    private static SourceDocument load(DocumentLoader loader, Path file) {
        List<SourceDocument> docs = new ArrayList<>();
        loader.forEach(file, docs::add, p -> {
            throw new IllegalStateException(p.toString());
        });
        return docs.getFirst();
    }

    /** Pages of about 400 words, a top-level section every 10 pages and a subsection every 5. */
    static List<DocumentFixtures.PdfPage> pages(int count) {
        Random random = new Random(42);
        List<DocumentFixtures.PdfPage> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<String> lines = new ArrayList<>();
            for (int l = 0; l < 38; l++) {
                StringBuilder line = new StringBuilder();
                for (int w = 0; w < 11; w++) {
                    line.append(w == 0 ? capital(WORDS[random.nextInt(WORDS.length)]) : WORDS[random.nextInt(WORDS.length)]);
                    line.append(w == 10 ? "." : " ");
                }
                lines.add(line.toString());
            }
            String heading = p % 10 == 0 ? (p / 10 + 1) + " Chapter " + (p / 10 + 1)
                    : p % 5 == 0 ? (p / 10 + 1) + ".1 Details" : "Page " + (p + 1);
            out.add(new DocumentFixtures.PdfPage(heading, p % 10 == 0 ? 1 : p % 5 == 0 ? 2 : 0, lines));
        }
        return out;
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static Path docx(Path file, List<DocumentFixtures.PdfPage> pages) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle("Benchmark report");
            DocumentFixtures.headingStyles(doc);
            for (DocumentFixtures.PdfPage page : pages) {
                var heading = doc.createParagraph();
                if (page.level() > 0) {
                    heading.setStyle("Heading" + page.level());
                }
                heading.createRun().setText(page.heading());
                for (String line : page.lines()) {
                    doc.createParagraph().createRun().setText(line);
                }
            }
            doc.write(out);
        }
        return file;
    }
}
