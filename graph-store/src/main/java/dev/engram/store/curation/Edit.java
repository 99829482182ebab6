package dev.engram.store.curation;

/** One curation edit in the audit list: who made it and when, what it did, and whether it was undone. */
public record Edit(String id, long seq, String at, String who, String kind, String summary, boolean undone) {}
