package dev.engram.extraction.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Telling text from binary and decoding it: a NUL byte means binary; text must be strict UTF-8 (never silently
 * replaced); a leading byte-order mark is dropped and CRLF becomes LF, so a file gives the same text on any OS.
 */
final class TextBytes {
    private TextBytes() {}

    /** Bytes that are not valid UTF-8; {@code offset} is the first bad byte, relative to where decoding began. */
    static final class BadUtf8 extends Exception {
        final int offset;

        BadUtf8(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /** Strict UTF-8 decoding of {@code length} bytes from {@code from}. */
    static String decodeUtf8(byte[] bytes, int from, int length) throws BadUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new BadUtf8(in.position() - from);
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new BadUtf8(in.position() - from);
        }
        out.flip();
        return out.toString();
    }

    /** The text of a whole file's bytes: UTF-8 without its byte-order mark, with LF line ends. */
    static String fileText(byte[] bytes) throws BadUtf8 {
        String text = decodeUtf8(bytes, 0, bytes.length);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n");
    }

    /** True when the bytes open with UTF-8's byte-order mark. */
    static boolean startsWithBom(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** The first NUL byte in {@code [from, to)}, or -1: a file with one is binary. */
    static int nul(byte[] bytes, int from, int to) {
        return indexOf(bytes, from, to, (byte) 0);
    }

    static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** 1-based line of byte {@code offset}. */
    static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
