package dev.engram.store.search;

import java.util.regex.Pattern;

/** Turns free text (a user's question) into a Lucene query that matches its words and never fails to parse. */
public final class LuceneQuery {

    private static final Pattern SPECIAL = Pattern.compile("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]");
    // upper-case AND/OR/NOT/TO are operators to Lucene's parser; lower-case they are just words
    private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT|TO)\\b");

    private LuceneQuery() {}

    /** The text with every Lucene special character escaped and operators made plain words. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String words = OPERATOR.matcher(text).replaceAll(m -> m.group(1).toLowerCase());
        return SPECIAL.matcher(words).replaceAll(m -> "\\\\" + java.util.regex.Matcher.quoteReplacement(m.group()))
                .strip();
    }
}
