package dev.engram.retrieval.decompose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The relational nouns of "the director of X" shapes, each with the words a predicate stating that relation contains
 * ("director" → "direct"), whether the relation reads the same both ways ("spouse"), and whether "X is a work by Y"
 * predicates state it ("author"). Read from {@code relational-nouns.txt}: {@code noun[|plural]: cue, cue [symmetric] [by]}.
 */
public final class RelationalNouns {
    /** A relational noun's cues. */
    public record Noun(String noun, List<String> cues, boolean symmetric, boolean by) {
        public Noun {
            cues = List.copyOf(cues);
        }
    }

    private final Map<String, Noun> byForm;

    private RelationalNouns(Map<String, Noun> byForm) {
        this.byForm = Map.copyOf(byForm);
    }

    /** The list shipped with Engram. */
    public static RelationalNouns load() {
        try (InputStream in = RelationalNouns.class.getResourceAsStream("relational-nouns.txt")) {
            if (in == null) {
                throw new IllegalStateException("relational-nouns.txt is missing from the classpath");
            }
            Map<String, Noun> forms = new HashMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String[] names = line.substring(0, colon).strip().split("\\|");
                String rest = line.substring(colon + 1).strip();
                boolean symmetric = rest.contains("[symmetric]");
                boolean by = rest.contains("[by]");
                rest = rest.replace("[symmetric]", "").replace("[by]", "");
                List<String> cues = Arrays.stream(rest.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                Noun noun = new Noun(names[0].strip(), cues, symmetric, by);
                for (String n : names) {
                    forms.put(n.strip().toLowerCase(Locale.ROOT), noun);
                }
            }
            return new RelationalNouns(forms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The noun of a word or two ("director", "first president"), singular or plural. */
    public Optional<Noun> of(String words) {
        return Optional.ofNullable(byForm.get(words.toLowerCase(Locale.ROOT).strip()));
    }
}
