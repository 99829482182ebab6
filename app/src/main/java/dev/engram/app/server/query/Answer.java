package dev.engram.app.server.query;

import java.util.List;

/** The LLM's answer with the citation ids it used, or why generation failed. */
public record Answer(String text, List<Integer> cited, String error) {}
