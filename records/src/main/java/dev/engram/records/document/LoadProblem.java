package dev.engram.records.document;

/** Something that could not be read, reported with where it is; {@code line} is 0 when not line-based. */
public record LoadProblem(String file, long line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
