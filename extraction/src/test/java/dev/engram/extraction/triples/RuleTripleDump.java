package dev.engram.extraction.triples;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.records.triples.Triple;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes every document the loader reads from the given paths (id, title, source, text length and hash,
 * metadata) and every rule triple of it, one line each in reading order, so two builds can be compared with
 * {@code cmp}: {@code RuleTripleDump <out.tsv> [--loader-only] <path>...} (the loader's count and file list
 * too). A refactoring of the loader or the rules that changes
 * nothing writes the same file.
 */
public final class RuleTripleDump {
    private RuleTripleDump() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean loaderOnly = args.length > 1 && args[1].equals("--loader-only");
        List<Path> paths = new ArrayList<>();
        for (int i = loaderOnly ? 2 : 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        RuleTripleExtractor extractor = new RuleTripleExtractor();
        long[] counts = new long[2];
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            new DocumentLoader().forEach(paths, doc -> {
                w.println("D\t" + doc.id() + "\t" + doc.title() + "\t" + doc.source() + "\t" + doc.text().length()
                        + "\t" + doc.text().hashCode() + "\t" + new TreeMap<>(doc.metadata()));
                for (Triple t : loaderOnly ? List.<Triple>of() : extractor.extract(doc.title(), doc.text())) {
                    w.println("T\t" + t.subject() + "\t" + t.predicate() + "\t" + t.object());
                    counts[1]++;
                }
                counts[0]++;
            }, problem -> w.println("P\t" + problem));
            w.println("C\t" + new DocumentLoader().countDocuments(paths) + "\t" + new DocumentLoader().listFiles(paths));
        }
        System.out.println(counts[0] + " documents, " + counts[1] + " triples -> " + out);
    }
}
