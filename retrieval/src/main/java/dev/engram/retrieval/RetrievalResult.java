package dev.engram.retrieval;

import dev.engram.retrieval.decompose.SubQuestion;
import dev.engram.retrieval.grading.Coverage;
import dev.engram.retrieval.grading.Grade;
import dev.engram.retrieval.grading.PassageGrade;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a retriever found: ranked passages, and for graph modes the seeds it started from and the
 * verbalized paths that explain the ranking, with per-stage timings in milliseconds; {@code global} questions
 * also get the collection's ranked themes, and {@code graphrag} how it weighed the graph against dense retrieval
 * ({@code weighting}, null in other modes). Once graded, {@code grades} holds each passage's relevance grade in
 * passage order and {@code coverage} whether anything relevant was found (empty and null before grading);
 * {@code notes} say, in order, how the question was transformed or retried (sub-questions, corrective retrieval),
 * and {@code subQuestions} list the parts a decomposed question was asked in, with the hops' answers (empty when it
 * was asked whole).
 */
public record RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                              Map<String, Double> timingsMillis, List<Theme> themes, Weighting weighting,
                              List<PassageGrade> grades, Coverage coverage, List<String> notes,
                              List<SubQuestion> subQuestions) {
    public RetrievalResult {
        subQuestions = subQuestions == null ? List.of() : List.copyOf(subQuestions);
        passages = List.copyOf(passages);
        seeds = List.copyOf(seeds);
        paths = List.copyOf(paths);
        themes = themes == null ? List.of() : List.copyOf(themes);
        grades = grades == null ? List.of() : List.copyOf(grades);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (!grades.isEmpty() && grades.size() != passages.size()) {
            throw new IllegalArgumentException("one grade per passage: " + grades.size() + " for " + passages.size());
        }
        // stage order is pipeline order, which readers of --explain and eval rely on
        timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
    }

    /** A result of a question asked whole. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis, List<Theme> themes, Weighting weighting,
                           List<PassageGrade> grades, Coverage coverage, List<String> notes) {
        this(passages, seeds, paths, timingsMillis, themes, weighting, grades, coverage, notes, List.of());
    }

    /** An ungraded result. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis, List<Theme> themes, Weighting weighting) {
        this(passages, seeds, paths, timingsMillis, themes, weighting, List.of(), null, List.of());
    }

    /** A result without a weighting. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis, List<Theme> themes) {
        this(passages, seeds, paths, timingsMillis, themes, null);
    }

    /** A result without themes. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis) {
        this(passages, seeds, paths, timingsMillis, List.of(), null);
    }

    /** This result with its passages graded. */
    public RetrievalResult withGrading(List<PassageGrade> passageGrades, Coverage questionCoverage) {
        return new RetrievalResult(passages, seeds, paths, timingsMillis, themes, weighting, passageGrades,
                questionCoverage, notes, subQuestions);
    }

    /** This result with the parts its question was asked in. */
    public RetrievalResult withSubQuestions(List<SubQuestion> parts) {
        return new RetrievalResult(passages, seeds, paths, timingsMillis, themes, weighting, grades, coverage, notes,
                parts);
    }

    /** This result with other passages (and no grades: grades belong to the passages they were made for). */
    public RetrievalResult withPassages(List<RankedPassage> ranked) {
        return new RetrievalResult(ranked, seeds, paths, timingsMillis, themes, weighting, List.of(), null, notes,
                subQuestions);
    }

    /** This result with one more note on how it was found. */
    public RetrievalResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new RetrievalResult(passages, seeds, paths, timingsMillis, themes, weighting, grades, coverage, more,
                subQuestions);
    }

    /** This result with one more stage timed, after the others. */
    public RetrievalResult withTiming(String stage, double millis) {
        Map<String, Double> more = new LinkedHashMap<>(timingsMillis);
        more.remove("total");
        more.put(stage, millis);
        Double total = timingsMillis.get("total");
        if (total != null) {
            more.put("total", total + millis);
        }
        return new RetrievalResult(passages, seeds, paths, more, themes, weighting, grades, coverage, notes,
                subQuestions);
    }

    /** The passages not graded irrelevant, in rank order: what the context for generation is built from. */
    public List<RankedPassage> usablePassages() {
        if (grades.isEmpty()) {
            return passages;
        }
        java.util.ArrayList<RankedPassage> kept = new java.util.ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (grades.get(i).grade() != Grade.IRRELEVANT) {
                kept.add(passages.get(i));
            }
        }
        return List.copyOf(kept);
    }

    /** A result with passages only. */
    public static RetrievalResult of(List<RankedPassage> passages) {
        return new RetrievalResult(passages, List.of(), List.of(), Map.of());
    }
}
