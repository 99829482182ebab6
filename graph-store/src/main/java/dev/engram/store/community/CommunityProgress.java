package dev.engram.store.community;

/** Told how far a long community job is: {@code done} of {@code total} steps of a named stage. */
@FunctionalInterface
public interface CommunityProgress {
    /** Reports nothing. */
    CommunityProgress NONE = (stage, done, total) -> {};

    /** Called after each step, and once with {@code done == 0} when a stage starts. */
    void advance(String stage, long done, long total);
}
