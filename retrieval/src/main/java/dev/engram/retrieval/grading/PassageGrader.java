package dev.engram.retrieval.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades passages by a logistic model of their {@link RelevanceSignals}: score = σ(bias + weights · signals), an
 * estimate that the passage is evidence for the question. At least {@code relevant} it is relevant, below
 * {@code irrelevant} irrelevant, weak between. A question is covered when some passage is relevant.
 *
 * <p>The weights and thresholds of {@link #DEFAULTS} were fitted on the development sets only (musique-100 and
 * hotpotqa-100: gold passages against the rest of each question's top 8, and each set's questions asked of the other
 * set's store for coverage); BENCHMARKS.md has the commands and the figures, 2wiki included as the test set.
 */
public record PassageGrader(double bias, double[] weights, double relevant, double irrelevant) {
    /** The model fitted on the development sets. */
    // eval/fit_grader.py --own hot-own.jsonl mus-own.jsonl --foreign mus-on-hot.jsonl hot-on-mus.jsonl (top 8)
    public static final PassageGrader DEFAULTS = new PassageGrader(-14.4605,
            new double[] {16.5133, -3.5874, 0.1209, 0.9538, 0.5155, 2.5002, 0.2571}, 0.330, 0.0199);

    public PassageGrader {
        weights = weights.clone();
        if (weights.length != 7) {
            throw new IllegalArgumentException("the grader has 7 weights, got " + weights.length);
        }
        if (!(irrelevant >= 0 && irrelevant <= relevant && relevant <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= irrelevant <= relevant <= 1, were "
                    + irrelevant + ", " + relevant);
        }
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The calibrated score of one passage's signals. */
    public double score(RelevanceSignals s) {
        double[] x = s.vector();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The grade of a score. */
    public Grade grade(double score) {
        return score >= relevant ? Grade.RELEVANT : score < irrelevant ? Grade.IRRELEVANT : Grade.WEAK;
    }

    /** Grades and coverage of passages given in rank order with their signals. */
    public Graded grade(List<String> chunkIds, List<String> documentIds, List<RelevanceSignals> signals) {
        List<PassageGrade> grades = new ArrayList<>(signals.size());
        boolean covered = false;
        for (int i = 0; i < signals.size(); i++) {
            double score = score(signals.get(i));
            Grade g = grade(score);
            covered |= g == Grade.RELEVANT;
            grades.add(new PassageGrade(chunkIds.get(i), documentIds.get(i), g, score, signals.get(i).asMap()));
        }
        return new Graded(grades, covered ? Coverage.COVERED : Coverage.NONE);
    }

    /** The grades of a ranking, in its order, and whether they cover the question. */
    public record Graded(List<PassageGrade> grades, Coverage coverage) {
        public Graded {
            grades = List.copyOf(grades);
        }
    }
}
