package dev.engram.retrieval.graph;

import dev.engram.retrieval.Weighting;
import java.util.Locale;

/**
 * Decides, per question, the graph walk's share of graphrag's ranking; the walk from the densely retrieved passages
 * gets the rest. PageRank is linear in its reset vector, so the mix is exactly the walk from the mixed reset vector.
 *
 * <p>{@link Kind#ADAPTIVE} (the default) trusts the graph as far as its walk is concentrated: the share of the graph
 * walk's passage mass on its top 5 passages ({@link EvidenceSignals#graphTopShare()}). A walk whose seeds name the
 * question's entities and meet in a few passages has found something the dense ranking cannot see; a walk whose mass
 * spreads over many passages started from vague seeds, and the dense ranking should lead. The share rises linearly
 * from {@link #LOW} at concentration {@link #FROM} to {@link #HIGH} at {@link #TO}; these four numbers were chosen
 * on the development sets (musique-100, hotpotqa-100; BENCHMARKS.md) and the graph never gets all or none of the mass,
 * because on both sets either extreme was worse than any mix.
 *
 * <p>Then a second round ({@code bridge} of the final ranking, 0 = off): the walk restarted from the first round's
 * top {@link #BRIDGE_TOP} passages, weighted by their scores. Multi-hop evidence is a chain: the second hop's passage
 * rarely resembles the question, but it shares an entity (the bridge) with the first hop's, and a walk restarted
 * there reaches it. Chosen on the development sets like the share (BENCHMARKS.md).
 *
 * <p>{@link Kind#PASSAGE_WEIGHT} is rounds 1–2's rule (dense reset mass = passage-node weight × normalised dense
 * scores); {@link Kind#FIXED} gives every question the same {@code share}.
 */
public record EvidenceWeighting(Kind kind, double share, double bridge, double bridgeFacts) {
    /** How the share is decided. */
    public enum Kind { ADAPTIVE, PASSAGE_WEIGHT, FIXED }

    static final double LOW = 0.2;
    static final double HIGH = 0.8;
    static final double FROM = 0.5;
    static final double TO = 1.0;
    /** Passages of the first round the second round restarts from. */
    public static final int BRIDGE_TOP = 3;
    /** The second round's default share of the final ranking. */
    public static final double BRIDGE = 0.6;
    /** Reset mass of the bridge entities in the second round, relative to its passages' ({@link BridgeFacts}). */
    public static final double BRIDGE_FACTS = 0.3;

    /** The default: adaptive. */
    public static final EvidenceWeighting DEFAULTS = new EvidenceWeighting(Kind.ADAPTIVE, 0, BRIDGE, BRIDGE_FACTS);

    public EvidenceWeighting {
        if (kind == null) {
            throw new IllegalArgumentException("weighting kind is required");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("graph share must be in [0, 1], was " + share);
        }
        if (!(bridge >= 0 && bridge < 1)) {
            throw new IllegalArgumentException("bridge weight must be in [0, 1), was " + bridge);
        }
        if (!(bridgeFacts >= 0)) {
            throw new IllegalArgumentException("bridge-fact mass must be >= 0, was " + bridgeFacts);
        }
    }

    /** The rule of {@code kind} and {@code share} with the default second round. */
    public EvidenceWeighting(Kind kind, double share, double bridge) {
        this(kind, share, bridge, BRIDGE_FACTS);
    }

    /** This rule with another second-round share. */
    public EvidenceWeighting withBridge(double value) {
        return new EvidenceWeighting(kind, share, value, bridgeFacts);
    }

    /** This rule with another mass of bridge entities in the second round (0 = passages only). */
    public EvidenceWeighting withBridgeFacts(double value) {
        return new EvidenceWeighting(kind, share, bridge, value);
    }

    /**
     * {@code adaptive}, {@code passage} (the fixed passage-node weight) or a graph share in [0, 1], with the default
     * second round.
     */
    public static EvidenceWeighting parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "adaptive", "auto":
                return DEFAULTS;
            case "passage", "passage-weight":
                return new EvidenceWeighting(Kind.PASSAGE_WEIGHT, 0, BRIDGE);
            default:
                try {
                    return new EvidenceWeighting(Kind.FIXED, Double.parseDouble(t), BRIDGE);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "weighting must be adaptive, passage or a graph share in [0, 1], got '" + text + "'");
                }
        }
    }

    /** The graph's share for a question with these signals, with the signals and the reason. */
    public Weighting decide(EvidenceSignals s) {
        return switch (kind) {
            case FIXED -> new Weighting(share, s.asMap(), "fixed graph share");
            case PASSAGE_WEIGHT -> new Weighting(s.fixedShare(), s.asMap(), "fixed passage-node weight");
            case ADAPTIVE -> {
                double g = s.graphTopShare();
                double a = LOW + (HIGH - LOW) * (g - FROM) / (TO - FROM);
                a = Math.max(LOW, Math.min(HIGH, a));
                yield new Weighting(a, s.asMap(), String.format(Locale.ROOT,
                        "adaptive: %.0f%% of the graph walk's passage mass on its top %d passages",
                        100 * g, EvidenceSignals.TOP));
            }
        };
    }
}
