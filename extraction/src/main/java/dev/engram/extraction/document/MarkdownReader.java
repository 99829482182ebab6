package dev.engram.extraction.document;

/**
 * Markdown ({@code .md}, {@code .markdown}): the whole file is the text; the title is the front matter's
 * {@code title:}, else the first {@code # } heading outside code fences, else the file name.
 */
final class MarkdownReader extends TextFileReader {
    @Override
    String titleOf(String text) {
        return title(text);
    }

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
