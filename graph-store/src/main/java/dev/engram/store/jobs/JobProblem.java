package dev.engram.store.jobs;

/** A document (or JSONL line, 0 when none) a job could not ingest, and why. */
public record JobProblem(String file, long line, String reason) {}
