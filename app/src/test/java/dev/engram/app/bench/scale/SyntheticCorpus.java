package dev.engram.app.bench.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic knowledge graph of realistic shape, generated chunk by chunk from a seed: entity popularity follows
 * a Zipf law, each chunk mentions about ten entities and states about six facts among them, and a tenth of the
 * entities are surface variants of another ("Kalo Vemir" and "Kalo Vemir Group"), which the store's synonym
 * detection links. Edges in the projection are about 16 a chunk (10 mentions, 6 relations) plus the synonyms.
 */
public final class SyntheticCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mir", "ve", "bra", "sk", "ol", "in", "ta", "ren", "do",
        "qui", "sar", "el", "mon", "tu", "vi", "zan", "pe", "ro", "ga", "li", "nor", "ash", "ber", "cy", "dal", "fen"};
    private static final String[] SUFFIXES = {"Group", "Society", "Foundation", "Company", "Institute", "Band"};
    static final String[] PREDICATES = {"founded", "directed", "was born in", "married", "wrote", "acquired",
        "played for", "is located in", "composed", "produced", "studied at", "succeeded", "designed", "won",
        "published", "led", "funded", "discovered", "painted", "coached", "starred in", "governed", "invented",
        "recorded", "built", "owned", "taught", "edited", "sponsored", "translated"};
    public static final int MENTIONS_PER_CHUNK = 10;
    public static final int FACTS_PER_CHUNK = 6;
    public static final int CHUNKS_PER_DOCUMENT = 10;

    private final int chunks;
    private final int entities;
    private final double[] cumulative;
    private final long seed;

    /** One chunk as generated: its text, the entities it mentions and its facts (indexes into the entities). */
    public record Chunk(int index, String text, int[] mentioned, int[] subjects, int[] predicates, int[] objects) {}

    /** A corpus of about {@code edges} projected edges. */
    public static SyntheticCorpus ofEdges(long edges, long seed) {
        int chunks = (int) Math.max(CHUNKS_PER_DOCUMENT, edges / (MENTIONS_PER_CHUNK + FACTS_PER_CHUNK));
        return new SyntheticCorpus(chunks, Math.max(50, chunks / 2), seed);
    }

    SyntheticCorpus(int chunks, int entities, long seed) {
        this.chunks = chunks;
        this.entities = entities;
        this.seed = seed;
        // Zipf with exponent 0.8: the most popular entity appears in about 2% of the mention draws
        cumulative = new double[entities];
        double sum = 0;
        for (int k = 0; k < entities; k++) {
            sum += Math.pow(k + 1, -0.8);
            cumulative[k] = sum;
        }
        for (int k = 0; k < entities; k++) {
            cumulative[k] /= sum;
        }
    }

    /** Number of chunks. */
    public int chunkCount() {
        return chunks;
    }

    /** Number of documents (ten chunks each). */
    public int documentCount() {
        return (chunks + CHUNKS_PER_DOCUMENT - 1) / CHUNKS_PER_DOCUMENT;
    }

    /** Number of distinct entities that may be drawn. */
    public int entityCount() {
        return entities;
    }

    /** The display name of entity {@code e}; every tenth entity (rank order shuffled) is a variant of another. */
    public String entityName(int e) {
        int base = e;
        String suffix = null;
        if (e % 10 == 9 && e > 9) {
            base = e - 9; // same name as a more popular entity plus a suffix: a synonym pair
            suffix = SUFFIXES[(e / 10) % SUFFIXES.length];
        }
        // two words spelling the entity's index in base-28 syllables: distinct entities never share a name
        int scrambled = (int) ((base * 0x2545F491L + 0x9E37L) % 481_890_304L); // 28^6, a bijection on [0, 28^6)
        String name = word(scrambled % 21_952, 3) + " " + word(scrambled / 21_952, 3);
        return suffix == null ? name : name + " " + suffix;
    }

    private static String word(int value, int syllables) {
        StringBuilder sb = new StringBuilder();
        int v = value;
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[v % SYLLABLES.length]);
            v /= SYLLABLES.length;
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    /** The predicate text of predicate index {@code p}. */
    public static String predicate(int p) {
        return PREDICATES[p];
    }

    /** Generates chunk {@code i}; the same index always gives the same chunk. */
    public Chunk chunk(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        int[] mentioned = new int[MENTIONS_PER_CHUNK];
        int count = 0;
        while (count < MENTIONS_PER_CHUNK) {
            int e = zipf(random);
            boolean dup = false;
            for (int j = 0; j < count; j++) {
                dup |= mentioned[j] == e;
            }
            if (!dup) {
                mentioned[count++] = e;
            }
        }
        int[] subjects = new int[FACTS_PER_CHUNK];
        int[] predicates = new int[FACTS_PER_CHUNK];
        int[] objects = new int[FACTS_PER_CHUNK];
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < FACTS_PER_CHUNK; f++) {
            // facts chain through the chunk's entities, so multi-hop paths exist inside a passage and across them
            subjects[f] = mentioned[f];
            objects[f] = mentioned[f + 1 + random.nextInt(MENTIONS_PER_CHUNK - f - 1)];
            predicates[f] = random.nextInt(PREDICATES.length);
            text.append(entityName(subjects[f])).append(' ').append(PREDICATES[predicates[f]]).append(' ')
                    .append(entityName(objects[f])).append(". ");
        }
        text.append("The account also names ");
        for (int j = FACTS_PER_CHUNK; j < MENTIONS_PER_CHUNK; j++) {
            text.append(entityName(mentioned[j])).append(j + 1 < MENTIONS_PER_CHUNK ? ", " : ".");
        }
        return new Chunk(i, text.toString(), mentioned, subjects, predicates, objects);
    }

    private int zipf(SplittableRandom random) {
        int k = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = k >= 0 ? k : Math.min(entities - 1, -k - 1);
        // popularity rank to entity id through a fixed permutation, so variants are not all of popular entities
        return (int) ((rank * 0x9E3779B1L) % entities);
    }

    /** A two-hop question about chunk {@code i}'s first fact chain, in the style of the development sets. */
    public String question(int i) {
        Chunk c = chunk(i);
        List<String> words = new ArrayList<>();
        words.add("Who or what " + PREDICATES[c.predicates()[0]] + " the one that " + entityName(c.subjects()[0]));
        words.add(PREDICATES[c.predicates()[1]] + "?");
        return String.join(" ", words);
    }
}
