package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * A PDF's outline (bookmarks) as headings: each entry at its nesting level, placed where its title appears on the
 * page it points to (else at that page's start). PDFs have no heading markup; the outline is their table of
 * contents. A PDF without one, or whose outline cannot be read, has no headings.
 */
final class PdfOutline {
    private static final int MAX_ENTRIES = 10_000;

    private PdfOutline() {}

    static List<DocumentLayout.Heading> headings(Path pdf, String text, List<Integer> pageStarts) {
        List<DocumentLayout.Heading> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (doc.getDocumentCatalog().getDocumentOutline() == null) {
                return out;
            }
            walk(doc, doc.getDocumentCatalog().getDocumentOutline(), 1, text, pageStarts, out);
        } catch (IOException | RuntimeException e) {
            return List.of(); // the text was read; a broken outline only loses the sections
        }
        return out;
    }

    private static void walk(PDDocument doc, PDOutlineNode node, int level, String text, List<Integer> pageStarts,
                             List<DocumentLayout.Heading> out) throws IOException {
        for (PDOutlineItem item : node.children()) {
            if (out.size() >= MAX_ENTRIES) {
                return;
            }
            String title = item.getTitle() == null ? "" : item.getTitle().strip().replaceAll("\\s+", " ");
            PDPage page = item.findDestinationPage(doc);
            int index = page == null ? -1 : doc.getPages().indexOf(page);
            if (!title.isEmpty() && index >= 0) {
                out.add(new DocumentLayout.Heading(title, level, place(title, index, text, pageStarts)));
            }
            walk(doc, item, level + 1, text, pageStarts, out);
        }
    }

    /** Where {@code title} appears on page {@code index} (0-based), or that page's start. */
    private static int place(String title, int index, String text, List<Integer> pageStarts) {
        if (pageStarts.isEmpty()) {
            return 0;
        }
        int from = pageStarts.get(Math.min(index, pageStarts.size() - 1));
        int to = index + 1 < pageStarts.size() ? pageStarts.get(index + 1) : text.length();
        String page = text.substring(Math.min(from, text.length()), Math.min(to, text.length()))
                .replaceAll("\\s", " ").toLowerCase(Locale.ROOT);
        int at = page.indexOf(title.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return from;
        }
        // at the start of the line holding the title, so a numbered heading ("2.1 Revenue") starts its section
        return from + (text.substring(from, from + at).lastIndexOf('\n') + 1);
    }
}
