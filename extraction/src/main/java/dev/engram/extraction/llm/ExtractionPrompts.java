package dev.engram.extraction.llm;

import java.util.List;

/** The few-shot prompts of the two extraction steps, after HippoRAG's OpenIE: named entities, then triples. */
final class ExtractionPrompts {

    /** Bump when a prompt changes, so cached answers to the old prompt are not reused. */
    static final String VERSION = "engram-openie-v1";

    private static final String EXAMPLE_PASSAGE = """
            Black Hawk Down (film)
            Black Hawk Down is a 2001 war film directed by Ridley Scott. It is based on the 1999 book of the same \
            name by journalist Mark Bowden, which recounts the 1993 Battle of Mogadishu in Somalia.""";

    private static final String EXAMPLE_ENTITIES = """
            {"named_entities": ["Black Hawk Down", "2001", "Ridley Scott", "1999", "Mark Bowden", \
            "Battle of Mogadishu", "1993", "Somalia"]}""";

    private static final String EXAMPLE_TRIPLES = """
            {"triples": [
              ["Black Hawk Down", "is a", "war film"],
              ["Black Hawk Down", "released in", "2001"],
              ["Black Hawk Down", "directed by", "Ridley Scott"],
              ["Black Hawk Down", "based on book by", "Mark Bowden"],
              ["Mark Bowden", "is a", "journalist"],
              ["Mark Bowden", "published book in", "1999"],
              ["Mark Bowden", "recounts", "Battle of Mogadishu"],
              ["Battle of Mogadishu", "took place in", "1993"],
              ["Battle of Mogadishu", "took place in", "Somalia"]
            ]}""";

    private static final String ENTITY_INSTRUCTIONS = """
            You extract named entities from a passage: people, organisations, places, works, events, dates, \
            numbers with units and other specific names. Copy each entity exactly as written in the passage, once. \
            Answer with a JSON object only: {"named_entities": ["...", ...]}.""";

    private static final String TRIPLE_INSTRUCTIONS = """
            You build a knowledge graph from a passage and its named entities. List the facts the passage states as \
            [subject, predicate, object] triples. Every triple should contain at least one, and preferably two, of \
            the named entities. Replace pronouns and phrases like "the film" with the name they refer to. Keep \
            predicates short (a verb phrase). Answer with a JSON object only: {"triples": [["s", "p", "o"], ...]}.""";

    /** The messages asking for the named entities of a passage. */
    static List<ChatMessage> entities(String passage) {
        return List.of(
                ChatMessage.system(ENTITY_INSTRUCTIONS),
                ChatMessage.user("Passage:\n" + EXAMPLE_PASSAGE),
                ChatMessage.assistant(EXAMPLE_ENTITIES),
                ChatMessage.user("Passage:\n" + passage));
    }

    /** The messages asking for the triples of a passage, given its named entities as a JSON object. */
    static List<ChatMessage> triples(String passage, String entitiesJson) {
        return List.of(
                ChatMessage.system(TRIPLE_INSTRUCTIONS),
                ChatMessage.user("Passage:\n" + EXAMPLE_PASSAGE + "\n\nNamed entities: " + EXAMPLE_ENTITIES),
                ChatMessage.assistant(EXAMPLE_TRIPLES),
                ChatMessage.user("Passage:\n" + passage + "\n\nNamed entities: " + entitiesJson));
    }

    /** The passage as HippoRAG composes it: title, newline, text. */
    static String passage(String title, String text) {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    private ExtractionPrompts() {}
}
