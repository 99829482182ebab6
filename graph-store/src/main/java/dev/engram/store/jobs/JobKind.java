package dev.engram.store.jobs;

/** What an ingest job does: ingest files read in place, ingest an upload, or make the graph match a folder. */
public enum JobKind { FILES, UPLOAD, SYNC }
