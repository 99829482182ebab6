package dev.engram.app.server.query;

import dev.engram.records.document.PassagePlace;

/**
 * A retrieved passage; {@code citation} is its [n] in the context and answer, null when it did not fit the context;
 * {@code place} its pages and section path, {@code source} how a person cites it ("Annual report 2025, p. 14, §2.1
 * Revenue"); {@code grade} its relevance grade (relevant, weak, irrelevant; an irrelevant passage is left out of the
 * context and has no citation) and {@code relevance} the calibrated score behind it, both null when ungraded;
 * {@code gradedBy} who set the grade (offline or llm) and {@code supports}, for an LLM grade, whether the passage
 * states (part of) the answer.
 */
public record CitedPassage(Integer citation, String chunkId, String documentId, String title, String text, double score,
                           PassagePlace place, String source, String grade, Double relevance, String gradedBy,
                           Boolean supports) {}
