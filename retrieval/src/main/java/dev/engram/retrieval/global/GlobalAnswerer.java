package dev.engram.retrieval.global;

import dev.engram.extraction.llm.ChatMessage;
import dev.engram.extraction.llm.ChatOptions;
import dev.engram.extraction.llm.LlmException;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.retrieval.Theme;
import dev.engram.retrieval.answer.AssembledContext;
import dev.engram.retrieval.answer.Citation;
import dev.engram.retrieval.answer.CitationParser;
import dev.engram.retrieval.answer.GeneratedAnswer;
import dev.engram.store.community.CitedLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a {@code global} question by map-reduce over the ranked themes, as GraphRAG's global search does: each
 * theme's report is asked for the points that help answer the question, each rated 0–100 (map); the best points then
 * go into one final answer (reduce). Citations are the context's ids throughout. Never throws on LLM failures: the
 * result then carries the error, and callers still show the themes. Thread-safe.
 */
public final class GlobalAnswerer {
    static final String MAP_SYSTEM = """
            You are given one theme of a document collection: a summary and numbered sources. List the points \
            from it that help answer the question, one a line, as "<score>: <point> [source ids]" where score is \
            0-100 for how much the point helps. Use only the material given. If nothing helps, answer "0: none".""";
    static final String REDUCE_SYSTEM = """
            You answer a question about a whole document collection from key points drawn from its themes, each \
            with a helpfulness score and bracketed source ids. Use only these points; keep their source ids as \
            citations like [1] or [2][3]; say so if they do not answer the question.""";
    private static final Pattern POINT = Pattern.compile("^\\s*[-*]?\\s*(\\d{1,3})\\s*[:|]\\s*(.+)$");
    static final int MAX_POINTS = 20;

    private final OpenAiClient client;
    private final ChatOptions options = ChatOptions.defaults().withTemperature(0);

    /** An answerer asking {@code client}. */
    public GlobalAnswerer(OpenAiClient client) {
        this.client = client;
    }

    /** A scored point from one theme. */
    record Point(int score, String text, int theme) {}

    /** The answer; {@code onDelta} (may be null) receives the reduce step's answer as it streams. */
    public GeneratedAnswer answer(String question, List<Theme> themes, AssembledContext context,
                                  Consumer<String> onDelta) {
        Map<String, Integer> citationOf = new HashMap<>();
        for (Citation c : context.citations()) citationOf.put(c.chunkId(), c.id());
        List<Point> points = new ArrayList<>();
        try {
            for (int i = 0; i < themes.size(); i++) {
                String answer = client.complete(mapPrompt(question, themes.get(i), citationOf), options).content();
                points.addAll(parsePoints(answer, i));
            }
            points.sort(Comparator.comparingInt((Point p) -> -p.score()).thenComparingInt(Point::theme));
            List<Point> kept = points.stream().filter(p -> p.score() > 0).limit(MAX_POINTS).toList();
            List<ChatMessage> reduce = reducePrompt(question, kept);
            String answer = (onDelta == null ? client.complete(reduce, options)
                    : client.stream(reduce, options, onDelta)).content().strip();
            return GeneratedAnswer.of(answer, CitationParser.cited(answer, context), context);
        } catch (LlmException e) {
            return GeneratedAnswer.failed(context, "Could not generate an answer: " + e.getMessage());
        } catch (RuntimeException e) {
            return GeneratedAnswer.failed(context, "Could not generate an answer: " + e);
        }
    }

    static List<ChatMessage> mapPrompt(String question, Theme theme, Map<String, Integer> citationOf) {
        StringBuilder user = new StringBuilder("Theme: ").append(theme.title()).append('\n');
        if (!theme.keywords().isEmpty()) user.append("Keywords: ").append(String.join(", ", theme.keywords())).append('\n');
        user.append("Summary: ").append(theme.summary()).append("\nSources:\n");
        for (CitedLine line : theme.evidence()) {
            Integer id = citationOf.get(line.chunkId());
            if (id != null) user.append('[').append(id).append("] ").append(line.text()).append('\n');
        }
        user.append("\nQuestion: ").append(question.strip());
        return List.of(ChatMessage.system(MAP_SYSTEM), ChatMessage.user(user.toString()));
    }

    static List<ChatMessage> reducePrompt(String question, List<Point> points) {
        StringBuilder user = new StringBuilder("Key points:\n");
        if (points.isEmpty()) user.append("(none of the themes had anything relevant)\n");
        for (Point p : points) user.append("- (").append(p.score()).append(") ").append(p.text()).append('\n');
        user.append("\nQuestion: ").append(question.strip());
        return List.of(ChatMessage.system(REDUCE_SYSTEM), ChatMessage.user(user.toString()));
    }

    static List<Point> parsePoints(String answer, int theme) {
        List<Point> out = new ArrayList<>();
        if (answer == null) return out;
        for (String line : answer.split("\\R")) {
            Matcher m = POINT.matcher(line);
            if (m.matches()) {
                int score = Math.min(100, Integer.parseInt(m.group(1)));
                String text = m.group(2).strip();
                if (!text.equalsIgnoreCase("none")) out.add(new Point(score, text, theme));
            }
        }
        return out;
    }
}
