package dev.engram.extraction.triples;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage with its parentheticals blanked out by spaces, so "X (born 1950) is a Y" reads "X is a Y" to the
 * patterns while every character offset still points at the original text.
 */
record MaskedText(String text, List<Parenthetical> parentheticals) {

    /** Blanks every top-level "( ... )" of {@code text}; an unclosed bracket is left as it is. */
    static MaskedText of(String text) {
        if (text.indexOf('(') < 0) {
            return new MaskedText(text, List.of());
        }
        char[] chars = text.toCharArray();
        List<Parenthetical> found = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '(') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == ')' && depth > 0 && --depth == 0) {
                found.add(new Parenthetical(open, i + 1, text.substring(open + 1, i).strip()));
                for (int k = open; k <= i; k++) {
                    chars[k] = ' ';
                }
            }
        }
        return new MaskedText(new String(chars), List.copyOf(found));
    }
}
