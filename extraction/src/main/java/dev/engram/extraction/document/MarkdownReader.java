package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown ({@code .md}, {@code .markdown}): the whole file is the text; the title is the front matter's
 * {@code title:}, else the first {@code # } heading outside code fences, else the file name.
 */
final class MarkdownReader extends TextFileReader {
    MarkdownReader(FormatReader binary) {
        super(binary);
    }

    @Override
    String titleOf(String text) {
        return title(text);
    }

    /** The ATX headings ({@code #} to {@code ######}) outside code fences open sections. */
    @Override
    DocumentLayout layoutOf(String text) {
        List<DocumentLayout.Heading> headings = new ArrayList<>();
        String fence = null;
        int offset = 0;
        for (String l : text.split("\n", -1)) {
            int lineStart = offset;
            offset += l.length() + 1;
            String stripped = l.stripLeading();
            int indent = l.length() - stripped.length();
            if (indent > 3) {
                continue;
            }
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                String marker = stripped.substring(0, 3);
                fence = fence == null ? marker : marker.equals(fence) ? null : fence;
                continue;
            }
            Matcher m = ATX.matcher(stripped);
            if (fence == null && m.matches()) {
                String title = m.group(2).replaceAll("\\s+#+$", "").strip();
                if (!title.isEmpty()) {
                    headings.add(new DocumentLayout.Heading(title, m.group(1).length(), lineStart));
                }
            }
        }
        return headings.isEmpty() ? DocumentLayout.NONE : DocumentLayout.of(List.of(), headings, text.length());
    }

    private static final Pattern ATX = Pattern.compile("(#{1,6})[ \t]+(.*)");

    /** Title from YAML front matter ({@code title: ...}) or the first ATX level-1 heading outside code fences. */
    static String title(String text) {
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
