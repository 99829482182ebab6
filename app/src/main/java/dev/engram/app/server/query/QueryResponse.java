package dev.engram.app.server.query;

import dev.engram.retrieval.Seed;
import dev.engram.retrieval.Theme;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.retrieval.decompose.SubQuestion;
import java.util.List;
import java.util.Map;

/**
 * What a question found: cited passages, explanation paths, seeds, the assembled context, timings, an answer when an
 * LLM is configured, and for {@code global} questions the ranked themes. {@code covered} is false when no passage
 * found is relevant to the question (the corpus does not seem to hold the answer), and {@code note} then says so in a
 * sentence; both null for ungraded (global) questions. {@code notes} say how the question was split or retried, and
 * {@code subQuestions} the parts it was asked in, each with the hop's answer where a later part needed one.
 */
public record QueryResponse(String question, String mode, Boolean covered, String note, List<CitedPassage> passages,
                            List<VerbalizedPath> paths, List<Seed> seeds, String context, Answer answer,
                            Map<String, Double> timingsMillis, List<Theme> themes, List<String> notes,
                            List<SubQuestion> subQuestions) {}
