package dev.engram.store.testing;

import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds chunk knowledge from readable triples; entity ids are lower-cased names, as a normaliser would. */
public final class Knowledge {

    private Knowledge() {}

    public static String id(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Knowledge of one chunk from triples written as {subject, predicate, object}, plus extra mentioned names. */
    public static ChunkKnowledge chunk(String chunkId, List<String[]> triples, String... alsoMentioned) {
        Set<String> names = new LinkedHashSet<>(List.of(alsoMentioned));
        List<FactRecord> facts = new ArrayList<>();
        for (String[] t : triples) {
            names.add(t[0]);
            names.add(t[2]);
            facts.add(new FactRecord(id(t[0]), t[1], id(t[2]), chunkId));
        }
        return new ChunkKnowledge(chunkId, names.stream().map(n -> new EntityRecord(id(n), n)).toList(), facts);
    }

    public static List<String[]> facts(String[]... triples) {
        return List.of(triples);
    }

    public static String[] t(String subject, String predicate, String object) {
        return new String[] {subject, predicate, object};
    }
}
