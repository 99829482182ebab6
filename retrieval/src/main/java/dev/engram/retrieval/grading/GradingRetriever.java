package dev.engram.retrieval.grading;

import dev.engram.records.embedding.Embedder;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Grades what another retriever returned ({@link PassageGrader}) and says whether the corpus covers the question.
 * The ranking itself is left as it was. Results with themes ({@code global}) are passed through ungraded.
 *
 * @param vectors  the stored embeddings of chunks, by id
 * @param mentions the tagger's candidate mentions in a question
 */
public record GradingRetriever(Retriever inner, Embedder embedder, Function<List<String>, Map<String, float[]>> vectors,
                               Function<String, List<String>> mentions, PassageGrader grader) implements Retriever {

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        RetrievalResult result = inner.retrieve(request);
        if (!result.themes().isEmpty()) {
            return result;
        }
        long start = System.nanoTime();
        PassageGrader.Graded graded = grade(request.question(), result.passages());
        RetrievalResult out = result.withGrading(graded.grades(), graded.coverage());
        return out.withTiming("grade", (System.nanoTime() - start) / 1e6);
    }

    /** The grades of passages ranked for a question. */
    public PassageGrader.Graded grade(String question, List<RankedPassage> passages) {
        if (passages.isEmpty()) {
            return new PassageGrader.Graded(List.of(), Coverage.NONE);
        }
        float[] q = embedder.embedQuery(question);
        Map<String, float[]> stored = vectors.apply(passages.stream().map(RankedPassage::chunkId).distinct().toList());
        double[] cos = new double[passages.size()];
        double best = 0;
        for (int i = 0; i < cos.length; i++) {
            float[] v = stored.get(passages.get(i).chunkId());
            cos[i] = v == null ? 0 : cosine(q, v);
            best = Math.max(best, cos[i]);
        }
        QuestionTerms terms = QuestionTerms.of(question, mentions.apply(question));
        double top = passages.getFirst().score();
        List<RelevanceSignals> signals = new ArrayList<>(passages.size());
        List<String> chunks = new ArrayList<>(passages.size());
        List<String> documents = new ArrayList<>(passages.size());
        for (int i = 0; i < cos.length; i++) {
            RankedPassage p = passages.get(i);
            signals.add(RelevanceSignals.of(terms, p.title(), p.text(), cos[i], best, i, p.score(), top));
            chunks.add(p.chunkId());
            documents.add(p.documentId());
        }
        return grader.grade(chunks, documents, signals);
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
    }
}
