package dev.engram.app.server.query;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.InputLimits;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.answer.AnswerGenerator;
import dev.engram.retrieval.answer.AssembledContext;
import dev.engram.retrieval.answer.Citation;
import dev.engram.retrieval.answer.ContextAssembler;
import dev.engram.retrieval.answer.GeneratedAnswer;
import dev.engram.retrieval.global.GlobalAnswerer;
import dev.engram.retrieval.global.ThemeContext;
import dev.engram.store.search.AccessFilter;
import dev.engram.retrieval.grading.Coverage;
import dev.engram.retrieval.grading.PassageGrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Retrieves for a question within what the caller may read, assembles the cited context and, with an LLM, answers. */
@Component
public class Answerer {
    private final EngramRuntime runtime;
    private final ContextAssembler assembler;
    private final Optional<AnswerGenerator> generator;
    private final InputLimits limits;
    private final Optional<GlobalAnswerer> globalAnswerer;

    /** An answerer over the runtime, generating only when ENGRAM_LLM_BASE_URL names an LLM. */
    public Answerer(EngramRuntime runtime, EngramConfig config) {
        this.runtime = runtime;
        this.limits = config.limits();
        this.assembler = new ContextAssembler(config.server().contextTokens());
        Optional<OpenAiClient> client = config.llm().map(OpenAiClient::new);
        this.generator = client.map(AnswerGenerator::new);
        this.globalAnswerer = client.map(GlobalAnswerer::new);
    }

    /** True when an LLM is configured. */
    public boolean generates() {
        return generator.isPresent();
    }

    /** Retrieval and context for a question, without generation; refuses (400) a question or top-k over the limits. */
    public Retrieved retrieve(String question, Mode mode, int topK, AccessFilter access) {
        limits.question(question);
        limits.topK(topK);
        RetrievalResult result = runtime.retriever(mode).retrieve(new RetrievalRequest(question, mode, topK, access));
        // passages graded irrelevant stay in the response, marked, but the LLM never sees them
        AssembledContext context = mode == Mode.GLOBAL
                ? ThemeContext.assemble(result.themes(), assembler.tokenBudget())
                : assembler.assemble(result.paths(), result.usablePassages(), Map.of());
        return new Retrieved(question, mode, result, context);
    }

    /** The full answer to a question: retrieval, context, and generation when configured. */
    public QueryResponse answer(String question, Mode mode, int topK, AccessFilter access) {
        Retrieved retrieved = retrieve(question, mode, topK, access);
        return retrieved.response(generate(retrieved));
    }

    /** Generates the answer streaming into {@code onDelta}; without an LLM the context text is the one delta. */
    public Answer stream(Retrieved retrieved, Consumer<String> onDelta) {
        if (generator.isEmpty()) {
            onDelta.accept(retrieved.plainReply());
            return null;
        }
        if (retrieved.mode() == Mode.GLOBAL) {
            return toAnswer(globalAnswerer.get().answer(retrieved.question(), retrieved.result().themes(),
                    retrieved.context(), onDelta));
        }
        return toAnswer(generator.get().generate(retrieved.question(), retrieved.context(), onDelta));
    }

    /** Generates the answer in one piece; null without an LLM. */
    public Answer generate(Retrieved retrieved) {
        if (retrieved.mode() == Mode.GLOBAL) {
            // map-reduce over the themes, as GraphRAG's global search
            return globalAnswerer.map(g -> toAnswer(g.answer(retrieved.question(), retrieved.result().themes(),
                    retrieved.context(), null))).orElse(null);
        }
        return generator.map(g -> toAnswer(g.generate(retrieved.question(), retrieved.context()))).orElse(null);
    }

    private static Answer toAnswer(GeneratedAnswer g) {
        return new Answer(g.answer(), g.cited().stream().map(Citation::id).toList(),
                g.cited().stream().map(Citation::chunkId).toList(), g.error());
    }

    /** A retrieval with its assembled context. */
    public record Retrieved(String question, Mode mode, RetrievalResult result, AssembledContext context) {
        /** The API response for this retrieval with an optional answer. */
        public QueryResponse response(Answer answer) {
            Map<String, Integer> citationOf = new HashMap<>();
            context.citations().forEach(c -> citationOf.put(c.chunkId(), c.id()));
            List<CitedPassage> passages = new ArrayList<>();
            for (int i = 0; i < result.passages().size(); i++) {
                RankedPassage p = result.passages().get(i);
                PassageGrade g = result.grades().isEmpty() ? null : result.grades().get(i);
                passages.add(new CitedPassage(citationOf.get(p.chunkId()), p.chunkId(), p.documentId(), p.title(),
                        p.text(), p.score(), p.place(), p.place().cite(p.title()), g == null ? null : g.grade().id(),
                        g == null ? null : g.score(), g == null ? null : g.gradedBy(), g == null ? null : g.supports()));
            }
            Coverage coverage = result.coverage();
            return new QueryResponse(question, mode.id(), coverage == null ? null : coverage.covered(),
                    coverage == null ? null : coverage.note(), passages, result.paths(), result.seeds(),
                    context.text(), answer, result.timingsMillis(), result.themes(), result.notes(),
                    result.subQuestions());
        }

        /** False only when grading found nothing relevant to the question. */
        public boolean covered() {
            return result.coverage() == null || result.coverage().covered();
        }

        /**
         * What to reply without an LLM: the cited context, preceded by the plain sentence that the corpus does not
         * seem to hold the answer when nothing relevant was found.
         */
        public String plainReply() {
            if (!covered()) {
                return context.text().isEmpty() ? result.coverage().note()
                        : result.coverage().note() + " The closest passages found:\n\n" + context.text();
            }
            return context.text().isEmpty() ? "No passages were found." : context.text();
        }
    }
}
