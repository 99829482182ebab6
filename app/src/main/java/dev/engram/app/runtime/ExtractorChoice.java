package dev.engram.app.runtime;

import dev.engram.extraction.llm.LlmConfig;
import dev.engram.extraction.llm.LlmTripleExtractor;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.extraction.openie.OpenIeFileExtractor;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.extraction.triples.TripleExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Parses {@code --extractor rule|llm|openie-file:<path>|none} into a triple extractor. */
public final class ExtractorChoice {
    private ExtractorChoice() {}

    /** The extractor named by {@code spec}, {@code llm} through the configured chat server; empty for {@code none}. */
    public static Optional<TripleExtractor> parse(String spec, Optional<LlmConfig> llm) {
        String s = spec == null ? "rule" : spec.trim();
        if (s.equals("none")) {
            return Optional.empty();
        }
        if (s.equals("rule")) {
            return Optional.of(new RuleTripleExtractor());
        }
        if (s.equals("llm")) {
            LlmConfig config = llm.orElseThrow(() -> new IllegalArgumentException(
                    "--extractor llm needs an OpenAI-compatible server: set ENGRAM_LLM_BASE_URL (and ENGRAM_LLM_MODEL)"));
            return Optional.of(new LlmTripleExtractor(new OpenAiClient(config)));
        }
        if (s.startsWith("openie-file:")) {
            Path file = Path.of(s.substring("openie-file:".length()));
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("OpenIE file " + file + " does not exist or is not readable");
            }
            try {
                return Optional.of(OpenIeFileExtractor.load(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenIE file " + file + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("unknown extractor '" + s + "'; use rule, llm, openie-file:<path> or none");
    }
}
