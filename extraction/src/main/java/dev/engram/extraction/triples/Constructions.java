package dev.engram.extraction.triples;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which {@link Construction} reads each kind of gap between two phrases. {@link #standard()} is the extractor's;
 * {@link #only} keeps one and skips every other gap, so a test can see what one construction finds on its own.
 */
record Constructions(Map<Gap.Kind, Construction> byKind) {
    private static final Construction SKIP = (a, gap, walk) -> a;

    Constructions {
        byKind = Map.copyOf(byKind);
        for (Gap.Kind kind : Gap.Kind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("no construction for " + kind + " gaps");
            }
        }
    }

    /** Verbs, coordinations, appositions, prepositions and possessives. */
    static Constructions standard() {
        return new Constructions(Map.of(
                Gap.Kind.VERBAL, new VerbalConstruction(),
                Gap.Kind.COORDINATION, new CoordinationConstruction(),
                Gap.Kind.APPOSITION, new AppositionConstruction(),
                Gap.Kind.ADP, new PrepositionConstruction(),
                Gap.Kind.NONE, new PossessiveConstruction()));
    }

    /** {@code construction} for {@code kind} gaps, and nothing read at any other gap. */
    static Constructions only(Gap.Kind kind, Construction construction) {
        Map<Gap.Kind, Construction> map = new EnumMap<>(Gap.Kind.class);
        for (Gap.Kind k : Gap.Kind.values()) {
            map.put(k, k == kind ? construction : SKIP);
        }
        return new Constructions(map);
    }

    /** The construction of {@code kind} gaps. */
    Construction of(Gap.Kind kind) {
        return byKind.get(kind);
    }
}
