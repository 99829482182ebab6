package dev.engram.app.server.jobs;

/** Where an ingest job is. */
public enum JobState { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }
