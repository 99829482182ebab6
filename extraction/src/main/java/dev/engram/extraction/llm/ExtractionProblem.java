package dev.engram.extraction.llm;

/**
 * A passage whose LLM extraction produced nothing usable.
 *
 * @param title  the passage's title
 * @param step   {@code entities} or {@code triples}
 * @param reason what went wrong
 * @param output the start of the model's answer (empty when there was none)
 */
public record ExtractionProblem(String title, String step, String reason, String output) {}
