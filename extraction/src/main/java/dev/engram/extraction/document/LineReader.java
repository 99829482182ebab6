package dev.engram.extraction.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads '\n'-terminated lines as raw bytes (UTF-8 never has '\n' inside a multi-byte character). */
final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its '\n', or null at the end. */
    byte[] next() throws IOException {
        int len = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    return len == 0 ? null : Arrays.copyOf(buf, len);
                }
            }
            int nl = TextBytes.indexOf(chunk, chunkPos, chunkLen, (byte) '\n');
            int end = nl >= 0 ? nl : chunkLen;
            int n = end - chunkPos;
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
            System.arraycopy(chunk, chunkPos, buf, len, n);
            len += n;
            chunkPos = end;
            if (nl >= 0) {
                chunkPos++;
                return Arrays.copyOf(buf, len);
            }
        }
    }
}
