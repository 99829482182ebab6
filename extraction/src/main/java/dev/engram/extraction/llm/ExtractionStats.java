package dev.engram.extraction.llm;

/**
 * Counters of an {@link LlmTripleExtractor}.
 *
 * @param passages        passages extracted
 * @param llmCalls        chat completions requested (each may have been retried at the HTTP level)
 * @param cacheHits       answers read from the cache instead
 * @param repairedAnswers answers that needed truncation repair to be read
 * @param droppedTriples  triples dropped for not having three non-empty parts
 * @param failedPassages  passages skipped because an answer was unusable
 * @param triples         triples returned
 */
public record ExtractionStats(
        long passages, long llmCalls, long cacheHits, long repairedAnswers, long droppedTriples, long failedPassages,
        long triples) {}
