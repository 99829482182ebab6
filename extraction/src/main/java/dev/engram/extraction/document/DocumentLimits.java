package dev.engram.extraction.document;

import java.time.Duration;

/**
 * Limits on one rich document (PDF, Office, HTML, e-mail...): a larger file, a longer parse or more text than this
 * is reported as a problem for that file and the batch goes on.
 *
 * @param maxFileBytes largest file parsed
 * @param parseTimeout longest a parse may run
 * @param maxChars     most characters of text one document may yield (zip bombs and runaway extractions stop here)
 */
public record DocumentLimits(long maxFileBytes, Duration parseTimeout, int maxChars) {

    /** 100 MB, 120 s and 20 million characters: a 2,000-page report fits, a zip bomb does not. */
    public static final DocumentLimits DEFAULT = new DocumentLimits(100L * 1024 * 1024, Duration.ofSeconds(120), 20_000_000);

    public DocumentLimits {
        if (maxFileBytes < 1 || maxChars < 1 || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("document limits must be positive");
        }
    }
}
