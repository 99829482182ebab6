package dev.engram.extraction.document;

/** Plain text ({@code .txt}, or any file named explicitly): the whole file, titled with its name. */
final class PlainTextReader extends TextFileReader {
    PlainTextReader(FormatReader binary) {
        super(binary);
    }

    @Override
    String titleOf(String text) {
        return null;
    }
}
