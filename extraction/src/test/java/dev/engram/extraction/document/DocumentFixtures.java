package dev.engram.extraction.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Real files of every format, made at test time with the formats' own libraries (PDFBox for PDF, POI for Office)
 * or written out by hand where the format is text or a plain zip (HTML, RTF, EML, ODT, EPUB). Shared with other
 * modules' tests through the test jar.
 */
public final class DocumentFixtures {
    private DocumentFixtures() {}

    /** One page of a PDF: its heading (drawn larger, and an outline entry when {@code level > 0}) and its lines. */
    public record PdfPage(String heading, int level, List<String> lines) {}

    /**
     * A PDF titled {@code title} with these pages; each page's heading becomes an outline entry at its level
     * (nested under the last entry of a lower level).
     */
    public static Path pdf(Path file, String title, List<PdfPage> pages) throws IOException {
        try (PDDocument doc = pdfDocument(title, pages)) {
            doc.save(file.toFile());
        }
        return file;
    }

    /** A multi-page report with headings and an outline: 1 Introduction (p. 1), 2 Results (p. 2), 2.1 Revenue (p. 3). */
    public static Path reportPdf(Path file) throws IOException {
        return pdf(file, "Annual report 2025", List.of(
                new PdfPage("1 Introduction", 1, List.of("This annual report covers the year 2025.",
                        "The company builds lighthouses on rocky coasts.")),
                new PdfPage("2 Results", 1, List.of("The results of 2025 were mixed across regions.")),
                new PdfPage("2.1 Revenue", 2, List.of("Revenue rose to 14 million euros in 2025.",
                        "Most revenue came from the northern lighthouse contracts.")),
                new PdfPage("2.2 Costs", 2, List.of("Costs fell because granite became cheaper."))));
    }

    /** A PDF that opens only with the password "secret". */
    public static Path encryptedPdf(Path file) throws IOException {
        try (PDDocument doc = pdfDocument("Secret", List.of(new PdfPage("Hidden", 0, List.of("Confidential text."))))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    /** The first third of a valid PDF: cut off mid-file, as an interrupted download leaves it. */
    public static Path truncatedPdf(Path file) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (PDDocument doc = pdfDocument("Cut", List.of(new PdfPage("Start", 0, List.of("Some text on page one."))))) {
            doc.save(whole);
        }
        byte[] bytes = whole.toByteArray();
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        return file;
    }

    /** A PDF whose pages hold only drawn shapes, as a scan without a text layer looks to a text extractor. */
    public static Path textlessPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.addRect(100, 100, 300, 400);
                out.fill();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static PDDocument pdfDocument(String title, List<PdfPage> pages) throws IOException {
        PDDocument doc = new PDDocument();
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setAuthor("Engram tests");
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem[] open = new PDOutlineItem[8];
        for (PdfPage p : pages) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = 780;
                out.beginText();
                out.setFont(bold, 18);
                out.newLineAtOffset(60, y);
                out.showText(p.heading());
                out.endText();
                y -= 36;
                for (String line : p.lines()) {
                    out.beginText();
                    out.setFont(regular, 11);
                    out.newLineAtOffset(60, y);
                    out.showText(line);
                    out.endText();
                    y -= 18;
                }
            }
            if (p.level() > 0) {
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(p.heading());
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(page);
                item.setDestination(dest);
                if (p.level() == 1 || open[p.level() - 1] == null) {
                    outline.addLast(item);
                } else {
                    open[p.level() - 1].addLast(item);
                }
                open[p.level()] = item;
            }
        }
        if (outline.hasChildren()) {
            doc.getDocumentCatalog().setDocumentOutline(outline);
        }
        return doc;
    }

    /** A Word file with nested headings: Overview, Overview / Scope, Overview / Scope / Limits, Methods. */
    public static Path docx(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle("Field manual");
            doc.getProperties().getCoreProperties().setCreator("Ada Keeper");
            headingStyles(doc);
            heading(doc, "Overview", 1);
            body(doc, "The manual explains how lighthouse keepers log the weather.");
            heading(doc, "Scope", 2);
            body(doc, "It covers the northern stations only.");
            heading(doc, "Limits", 3);
            body(doc, "Stations south of the river are out of scope.");
            heading(doc, "Methods", 1);
            body(doc, "Keepers read the barometer every four hours.");
            doc.write(out);
        }
        return file;
    }

    /** Declares the styles Heading1..Heading3 ("heading 1"...), which Word and Tika read as heading levels. */
    static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 3; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            CTString name = CTString.Factory.newInstance();
            name.setVal("heading " + level);
            style.setName(name);
            style.setType(STStyleType.PARAGRAPH);
            styles.addStyle(new XWPFStyle(style));
        }
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }

    private static void body(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    /** A slide deck of three slides, each with a title line and a body line. */
    public static Path pptx(Path file) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            show.getProperties().getCoreProperties().setTitle("Quarterly review");
            String[][] slides = {{"Agenda", "Review the lighthouse budget."}, {"Budget", "The budget grew by ten percent."},
                    {"Next steps", "Hire two more keepers in spring."}};
            for (String[] s : slides) {
                XSLFSlide slide = show.createSlide();
                XSLFTextBox box = slide.createTextBox();
                box.setAnchor(new java.awt.Rectangle(50, 50, 500, 300));
                box.setText(s[0]);
                box.addNewTextParagraph().addNewTextRun().setText(s[1]);
            }
            show.write(out);
        }
        return file;
    }

    /** A workbook with one sheet of a header row and two data rows. */
    public static Path xlsx(Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet("Stations");
            String[][] rows = {{"Station", "Keeper", "Height"}, {"North Point", "Ada Keeper", "42"}, {"Gull Rock", "Tom Reed", "31"}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        return file;
    }

    /** An HTML page with a title, an h1 and two h2 sections. */
    public static Path html(Path file) throws IOException {
        Files.writeString(file, """
                <!DOCTYPE html>
                <html lang="en"><head><title>Keeper's guide</title><meta name="author" content="Tom Reed">
                <style>body { color: black; }</style><script>var hidden = "not text";</script></head>
                <body>
                <h1>Keeper's guide</h1>
                <p>Welcome to the guide for new keepers.</p>
                <h2>Lamps</h2>
                <p>Clean the lamp lens every morning.</p>
                <h2>Logs</h2>
                <p>Write the weather log at noon.</p>
                </body></html>
                """);
        return file;
    }

    /** An RTF file, written as RTF's own text markup. */
    public static Path rtf(Path file) throws IOException {
        Files.writeString(file, "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}{\\info{\\title Storm notes}}"
                + "\\f0 The storm of March damaged the north tower.\\par Repairs took six weeks.\\par}");
        return file;
    }

    /** An e-mail (RFC 822) with a subject and a plain-text body. */
    public static Path eml(Path file) throws IOException {
        Files.writeString(file, """
                From: Ada Keeper <ada@example.org>
                To: Tom Reed <tom@example.org>
                Subject: Lamp oil delivery
                Date: Tue, 1 Dec 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                The lamp oil delivery arrives on Friday at the north pier.
                """.replace("\n", "\r\n"));
        return file;
    }

    /** An OpenDocument text with two headings, as the zip of XML parts the format is. */
    public static Path odt(Path file) throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                <office:body><office:text>
                <text:h text:outline-level="1">Tides</text:h>
                <text:p>High tide reaches the lower steps twice a day.</text:p>
                <text:h text:outline-level="1">Winds</text:h>
                <text:p>Westerly winds bring the autumn storms.</text:p>
                </office:text></office:body></office:document-content>
                """;
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
                <office:meta><dc:title>Coastal notes</dc:title></office:meta></office:document-meta>
                """;
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        zip(file, "application/vnd.oasis.opendocument.text", List.of(
                new String[] {"content.xml", content.strip()}, new String[] {"meta.xml", meta.strip()},
                new String[] {"META-INF/manifest.xml", manifest.strip()}));
        return file;
    }

    /** An EPUB 2 book of one chapter with a heading. */
    public static Path epub(Path file) throws IOException {
        String container = """
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """;
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" unique-identifier="id" version="2.0">
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The keeper's year</dc:title>
                <dc:identifier id="id">engram-test-1</dc:identifier><dc:language>en</dc:language></metadata>
                <manifest><item id="ch1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest>
                <spine><itemref idref="ch1"/></spine>
                </package>
                """;
        String chapter = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Winter</title></head>
                <body><h1>Winter</h1><p>In winter the keeper lights the lamp at four o'clock.</p></body></html>
                """;
        zip(file, "application/epub+zip", List.of(new String[] {"META-INF/container.xml", container.strip()},
                new String[] {"OEBPS/content.opf", opf.strip()}, new String[] {"OEBPS/chapter1.xhtml", chapter.strip()}));
        return file;
    }

    /**
     * A Word file whose document part inflates from a few kilobytes to {@code megabytes} MB of text: a zip bomb
     * in the shape of a DOCX.
     */
    public static Path docxBomb(Path file, int megabytes) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w="
                + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
        xml.append("a".repeat(megabytes * 1024 * 1024));
        xml.append("</w:t></w:r></w:p></w:body></w:document>");
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        zip(file, null, List.of(new String[] {"[Content_Types].xml", types}, new String[] {"_rels/.rels", rels},
                new String[] {"word/document.xml", xml.toString()}));
        return file;
    }

    private static void zip(Path file, String mimetype, List<String[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            if (mimetype != null) {
                // ODF and EPUB want an uncompressed "mimetype" entry first
                byte[] bytes = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
