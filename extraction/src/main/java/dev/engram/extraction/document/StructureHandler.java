package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into text with its structure kept: a page or slide ({@code <div class="page">},
 * {@code <div class="slide-content">}) starts a page, {@code <h1>}..{@code <h6>} open sections, block elements end
 * lines, table cells are separated by {@code " | "}. Stops with {@link TooMuchText} past the character limit.
 */
final class StructureHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "br", "title", "blockquote", "pre",
            "dd", "dt", "table", "ul", "ol", "section", "article");

    /** The document yields more text than its limit allows. */
    static final class TooMuchText extends SAXException {
        final int limit;

        TooMuchText(int limit) {
            super("more than " + limit + " characters of text");
            this.limit = limit;
        }
    }

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> pageStarts = new ArrayList<>();
    private final List<DocumentLayout.Heading> headings = new ArrayList<>();
    private int headingLevel;
    private int headingStart;
    private StringBuilder headingText;
    private int skipDepth; // inside <head>, <script>, <style>: not text
    private boolean firstCell = true;

    StructureHandler(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth++;
            return;
        }
        if (name.equals("div")) {
            String cls = atts.getValue("class");
            if ("page".equals(cls) || "slide-content".equals(cls)) {
                paragraph();
                pageStarts.add(text.length());
            }
        }
        int level = headingLevel(name);
        if (level > 0 && headingText == null) {
            paragraph();
            headingLevel = level;
            headingStart = text.length();
            headingText = new StringBuilder();
        } else if (name.equals("tr")) {
            firstCell = true;
        } else if (name.equals("td") || name.equals("th")) {
            if (!firstCell) {
                append(" | ");
            }
            firstCell = false;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (headingText != null && headingLevel(name) == headingLevel) {
            String title = headingText.toString().strip().replaceAll("\\s+", " ");
            if (!title.isEmpty()) {
                headings.add(new DocumentLayout.Heading(title, headingLevel, headingStart));
            }
            headingText = null;
            paragraph();
        } else if (name.equals("p") || name.equals("table") || name.equals("blockquote") || name.equals("pre")) {
            paragraph();
        } else if (BLOCKS.contains(name)) {
            line();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        String s = new String(ch, start, length).replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        if (text.isEmpty() || text.charAt(text.length() - 1) == '\n') {
            s = s.stripLeading();
        }
        append(s);
        if (headingText != null) {
            headingText.append(s);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // PDFs and Office documents mark layout whitespace as ignorable; block ends already separate words
    }

    private void append(String s) throws TooMuchText {
        if (text.length() + s.length() > maxChars) {
            throw new TooMuchText(maxChars);
        }
        text.append(s);
    }

    private void line() {
        trimTrailingSpaces();
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private void paragraph() {
        line();
        if (text.length() >= 1 && !(text.length() >= 2 && text.charAt(text.length() - 2) == '\n')) {
            text.append('\n');
        }
    }

    private void trimTrailingSpaces() {
        int n = text.length();
        while (n > 0 && (text.charAt(n - 1) == ' ' || text.charAt(n - 1) == '\t')) {
            n--;
        }
        text.setLength(n);
    }

    private static int headingLevel(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                ? name.charAt(1) - '0' : 0;
    }

    /** The text read, without trailing whitespace. */
    String text() {
        trimTrailingSpaces();
        int n = text.length();
        while (n > 0 && Character.isWhitespace(text.charAt(n - 1))) {
            n--;
        }
        return text.substring(0, n);
    }

    List<Integer> pageStarts() {
        return List.copyOf(pageStarts);
    }

    List<DocumentLayout.Heading> headings() {
        return List.copyOf(headings);
    }
}
