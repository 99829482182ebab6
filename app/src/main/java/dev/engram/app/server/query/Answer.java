package dev.engram.app.server.query;

import java.util.List;

/**
 * The LLM's answer with the citation ids it used, the chunk ids of the passages those citations name (which passages
 * support the answer), or why generation failed.
 */
public record Answer(String text, List<Integer> cited, List<String> supportedBy, String error) {}
