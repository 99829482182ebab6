package dev.engram.retrieval.global;

import dev.engram.extraction.llm.CachedChat;
import dev.engram.extraction.llm.ChatMessage;
import dev.engram.extraction.llm.ChatOptions;
import dev.engram.extraction.llm.LlmException;
import dev.engram.store.community.CitedLine;
import dev.engram.store.community.CommunityRecord;
import java.util.List;

/**
 * An LLM-written community report from the same material as the offline summary (title, keywords, facts, sentences,
 * numbered as sources), cached on disk like extraction calls. A failing LLM leaves the offline summary in place.
 */
public final class CommunityReporter {
    static final String PROMPT_VERSION = "community-report-v1";
    static final String SYSTEM = """
            You write a short report on one community of a knowledge graph: a group of closely related entities.
            Use only the material given. Start with a one-line title, then two to four sentences on what the \
            community is about, citing the numbered sources like [1] or [2][3]. No outside knowledge.""";

    private final CachedChat chat;

    /** A reporter asking through {@code chat}. */
    public CommunityReporter(CachedChat chat) {
        this.chat = chat;
    }

    /** The report, or null when the LLM failed (the offline summary then stands). */
    public String report(CommunityRecord community) {
        try {
            String answer = chat.complete(PROMPT_VERSION, messages(community),
                    ChatOptions.defaults().withTemperature(0).withMaxTokens(400));
            return answer == null || answer.isBlank() ? null : answer.strip();
        } catch (LlmException e) {
            return null;
        }
    }

    static List<ChatMessage> messages(CommunityRecord c) {
        StringBuilder user = new StringBuilder();
        user.append("Central entities: ").append(c.title()).append('\n');
        if (!c.keywords().isEmpty()) user.append("Keywords: ").append(String.join(", ", c.keywords())).append('\n');
        user.append("Entities: ").append(c.size()).append(", documents: ").append(c.documentCount()).append('\n');
        user.append("Sources:\n");
        int n = 1;
        for (CitedLine f : c.facts()) user.append('[').append(n++).append("] fact: ").append(f.text()).append('\n');
        for (CitedLine s : c.sentences()) user.append('[').append(n++).append("] ").append(s.text()).append('\n');
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user.toString()));
    }
}
