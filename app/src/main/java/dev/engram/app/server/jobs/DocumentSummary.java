package dev.engram.app.server.jobs;

import java.util.List;

/** A document in the list: identity, access stamps and size. */
public record DocumentSummary(String id, String title, String source, String tenant, List<String> acl, long chunks,
                              String ingestedAt) {}
