package dev.engram.records.document;

/**
 * A section of a document: a heading, a PDF outline entry or a slide, spanning {@code [start, end)} of the text.
 *
 * @param index  position in the document's sections, in reading order
 * @param level  1 for a top-level section, 2 inside one, ...
 * @param parent index of the enclosing section, or -1 for a top-level one
 */
public record DocumentSection(int index, String title, int level, int start, int end, int parent) {

    /** The graph id of section {@code index} of a document. */
    public static String id(String documentId, int index) {
        return documentId + "§" + index;
    }
}
