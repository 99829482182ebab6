package dev.engram.extraction.triples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The word lists of the extraction rules, one word a line in resource files under {@code words/} ({@code #}
 * starts a comment), so a list can be read and extended without touching the rules.
 */
final class WordList {
    private WordList() {}

    static final Set<String> OWNER_DETERMINERS = load("owner-determiners");
    static final Set<String> ROLES = load("roles");
    static final Set<String> PERSONAL_PRONOUNS = load("personal-pronouns");
    static final Set<String> AUXILIARIES = load("auxiliaries");
    static final Set<String> CHAIN_PREPOSITIONS = load("chain-prepositions");
    static final Set<String> DESCRIBING_PARTICIPLES = load("describing-participles");
    static final Set<String> IRREGULAR_PARTICIPLES = load("irregular-participles");
    static final Set<String> RELATION_PREPOSITIONS = load("relation-prepositions");

    /** The words of {@code words/<name>.txt}, lower case as written, in file order. */
    static Set<String> load(String name) {
        String resource = "words/" + name + ".txt";
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " is missing from the classpath");
            }
            Set<String> words = new LinkedHashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
