package dev.engram.records.document;

import java.util.List;

/**
 * Where a passage sits in its document, for a citation a person can check: its pages (0 when the document has
 * none) and the titles of the sections holding it, outermost first.
 */
public record PassagePlace(int pageStart, int pageEnd, List<String> sectionPath) {

    /** Nowhere in particular: a passage of a document without pages or sections. */
    public static final PassagePlace NONE = new PassagePlace(0, 0, List.of());

    public PassagePlace {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
        pageEnd = Math.max(pageStart, pageEnd);
    }

    /** True when there is neither a page nor a section to cite. */
    public boolean isEmpty() {
        return pageStart <= 0 && sectionPath.isEmpty();
    }

    /**
     * The place as a citation shows it after the title: {@code p. 14, §2.1 Revenue} ({@code pp. 14–15} for a range,
     * the innermost section's title), or "" when there is nothing to show.
     */
    public String label() {
        StringBuilder out = new StringBuilder();
        if (pageStart > 0) {
            out.append(pageEnd > pageStart ? "pp. " + pageStart + "–" + pageEnd : "p. " + pageStart);
        }
        if (!sectionPath.isEmpty()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append('§').append(sectionPath.getLast());
        }
        return out.toString();
    }

    /** {@code title, place} as a citation shows it, e.g. {@code Annual report 2025, p. 14, §2.1 Revenue}. */
    public String cite(String title) {
        String t = title == null ? "" : title.strip();
        String place = label();
        return place.isEmpty() ? t : t.isEmpty() ? place : t + ", " + place;
    }
}
