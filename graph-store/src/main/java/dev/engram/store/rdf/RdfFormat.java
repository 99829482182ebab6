package dev.engram.store.rdf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;

/** The RDF syntaxes Engram reads and writes; RDF/XML is read only. */
public enum RdfFormat {
    TURTLE("ttl", Lang.TURTLE, true, "ttl", "turtle"),
    NTRIPLES("nt", Lang.NTRIPLES, true, "nt", "ntriples", "n-triples"),
    JSONLD("jsonld", Lang.JSONLD, true, "jsonld", "json-ld", "json"),
    RDFXML("rdf", Lang.RDFXML, false, "rdf", "owl", "xml", "rdfxml");

    private final String extension;
    private final Lang lang;
    private final boolean writable;
    private final List<String> names;

    RdfFormat(String extension, Lang lang, boolean writable, String... names) {
        this.extension = extension;
        this.lang = lang;
        this.writable = writable;
        this.names = List.of(names);
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Jena's language for this syntax. */
    public Lang lang() {
        return lang;
    }

    /** True when Engram can export in this syntax. */
    public boolean writable() {
        return writable;
    }

    /** The format a name or extension such as "ttl", "nt" or "jsonld" stands for. */
    public static RdfFormat named(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return Arrays.stream(values()).filter(f -> f.names.contains(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown RDF format '" + name
                        + "': use ttl, nt, jsonld (or rdf for RDF/XML input)"));
    }

    /** The format of a file, by its extension (a trailing .gz is looked through). */
    public static RdfFormat ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("cannot tell the RDF syntax of '" + file.getFileName()
                    + "' without an extension: use .ttl, .nt, .jsonld or .rdf");
        }
        return named(name.substring(dot + 1));
    }
}
