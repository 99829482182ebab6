package dev.engram.records.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a document's pages begin and its sections lie in its text, as character offsets. A JSONL passage or a plain
 * text file has neither ({@link #NONE}); a PDF has pages and, from its outline, sections; a Word file has sections.
 *
 * @param pageStarts offset where page 1, 2, ... begins, ascending, the first 0 (empty: the format has no pages)
 * @param sections   the sections in reading order, each knowing its parent (a section inside a section)
 */
public record DocumentLayout(List<Integer> pageStarts, List<DocumentSection> sections) {

    /** No pages and no sections. */
    public static final DocumentLayout NONE = new DocumentLayout(List.of(), List.of());

    public DocumentLayout {
        pageStarts = List.copyOf(pageStarts);
        sections = List.copyOf(sections);
    }

    /** True when there is nothing to keep: chunking and citations are then exactly as for plain text. */
    public boolean isEmpty() {
        return pageStarts.isEmpty() && sections.isEmpty();
    }

    /** The 1-based page holding offset {@code offset}, or 0 when the document has no pages. */
    public int pageAt(int offset) {
        if (pageStarts.isEmpty()) {
            return 0;
        }
        int low = 0;
        int high = pageStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (pageStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** The innermost section holding offset {@code offset}, or null before the first heading. */
    public DocumentSection sectionAt(int offset) {
        DocumentSection found = null;
        for (DocumentSection s : sections) {
            if (s.start() > offset) {
                break;
            }
            if (offset < s.end()) {
                found = s; // later sections starting before the offset are nested deeper
            }
        }
        return found;
    }

    /** Titles from the top-level section down to {@code section}. */
    public List<String> pathOf(DocumentSection section) {
        List<String> path = new ArrayList<>();
        for (DocumentSection s = section; s != null; s = s.parent() < 0 ? null : sections.get(s.parent())) {
            path.addFirst(s.title());
        }
        return List.copyOf(path);
    }

    /**
     * The layout of a text of {@code length} characters with these pages and headings (in reading order): each
     * heading opens a section that runs until the next heading of the same or a higher level (a smaller number),
     * or the end of the text; its parent is the nearest open section of a higher level.
     */
    public static DocumentLayout of(List<Integer> pageStarts, List<Heading> headings, int length) {
        List<int[]> open = new ArrayList<>(); // {section index, level}
        List<DocumentSection> sections = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (Heading h : headings) {
            while (!open.isEmpty() && open.getLast()[1] >= h.level()) {
                ends.set(open.removeLast()[0], h.start());
            }
            int parent = open.isEmpty() ? -1 : open.getLast()[0];
            sections.add(new DocumentSection(sections.size(), h.title(), h.level(), h.start(), length, parent));
            ends.add(length);
            open.add(new int[] {sections.size() - 1, h.level()});
        }
        List<DocumentSection> closed = new ArrayList<>(sections.size());
        for (DocumentSection s : sections) {
            closed.add(new DocumentSection(s.index(), s.title(), s.level(), s.start(), ends.get(s.index()), s.parent()));
        }
        return new DocumentLayout(pageStarts, closed);
    }

    /** A heading as a reader found it: its title, level (1 = top) and the offset where its section begins. */
    public record Heading(String title, int level, int start) {}
}
