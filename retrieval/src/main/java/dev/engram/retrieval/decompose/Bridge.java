package dev.engram.retrieval.decompose;

import java.util.List;

/** The answer of a hop that a later hop needs: the entity's name, how it was found, and the chunks that say so. */
public record Bridge(String name, String how, List<String> chunkIds) {
    public Bridge {
        chunkIds = List.copyOf(chunkIds);
    }
}
