package dev.engram.extraction.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class over the real bge tokenizer, loaded once for the class from the model artifact. */
public abstract class RealTokenizerTest {
    protected static BgeTokenizer tokenizer;

    @BeforeAll
    static void loadTokenizer() {
        tokenizer = BgeTokenizer.loadDefault();
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }
}
