package dev.engram.records.embedding;

import java.util.List;

/** Turns text into L2-normalised dense vectors; passages and queries may be embedded differently. */
public interface Embedder extends AutoCloseable {

    /** Length of every vector this embedder returns. */
    int dimensions();

    /** A name that identifies the model, stored with the graph so a mismatch can be detected. */
    String modelName();

    /** Embeds passages (documents, chunks, entity names, facts), one vector per text, in order. */
    List<float[]> embedPassages(List<String> texts);

    /** Embeds a search query (with the model's query instruction, where it has one). */
    float[] embedQuery(String query);

    @Override
    void close();
}
