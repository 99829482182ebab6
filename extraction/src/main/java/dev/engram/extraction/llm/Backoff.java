package dev.engram.extraction.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so that many clients retrying together spread out. */
record Backoff(Duration first, Duration max) {

    /** The delay before retry number {@code retry} (1-based): uniformly in [d/2, d] with d = first × 2^(retry-1), capped. */
    Duration delay(int retry) {
        long base = first.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
