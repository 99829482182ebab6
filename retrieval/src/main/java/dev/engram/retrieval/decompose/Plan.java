package dev.engram.retrieval.decompose;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to answer a question in parts: the shape ({@code comparison}, {@code compositional}, {@code multi-step}), who
 * made the plan ({@code offline} or {@code llm}) and the steps in order. A step's text may refer to an earlier step's
 * answer as {@code #1}, {@code #2}… (1-based); such a step is asked only once that answer is known.
 */
public record Plan(String kind, String source, List<Step> steps) {
    /** The question is asked whole. */
    public static final Plan NONE = new Plan("none", "offline", List.of());

    private static final Pattern REF = Pattern.compile("#(\\d+)");

    public Plan {
        steps = List.copyOf(steps);
    }

    /** True when there is more than one step. */
    public boolean split() {
        return steps.size() > 1;
    }

    /**
     * One step: what to retrieve for, and for a relational hop ("the director of X") the relational noun and its
     * argument (a name, or a reference {@code #k} to an earlier answer), from which the graph can resolve the answer.
     */
    public record Step(String text, String relation, String argument) {
        /** A step without a relational hop. */
        public static Step of(String text) {
            return new Step(text, null, null);
        }
    }

    /** True when a later step refers to the answer of step {@code index} (0-based). */
    public boolean answerNeeded(int index) {
        String ref = "#" + (index + 1);
        for (int i = index + 1; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (refers(s.text(), ref) || refers(s.argument(), ref)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refers(String text, String ref) {
        if (text == null) {
            return false;
        }
        Matcher m = REF.matcher(text);
        while (m.find()) {
            if (m.group().equals(ref)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with each {@code #k} replaced by answer k, or null when one of them is not known. */
    public static String fill(String text, List<String> answers) {
        if (text == null) {
            return null;
        }
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int k = Integer.parseInt(m.group(1)) - 1;
            if (k < 0 || k >= answers.size() || answers.get(k) == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(answers.get(k)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
