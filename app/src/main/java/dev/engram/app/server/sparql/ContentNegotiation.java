package dev.engram.app.server.sparql;

import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Picks the answer's syntax from an {@code Accept} header (RFC 9110 §12.5.1): each offered media type gets the
 * quality of the most specific range that matches it ({@code type/subtype} over {@code type/*} over {@code *}/*), 0
 * excludes, the highest quality wins and ties go to the server's order. No header, or a blank one, takes the first.
 */
final class ContentNegotiation {

    /** The chosen syntax and the media type to answer with (the one the client asked for, or the syntax's own). */
    record Choice(ResultSyntax syntax, MediaType type) {}

    private ContentNegotiation() {}

    /** The best of {@code offered} for {@code accept}, or empty when the client accepts none of them. */
    static Optional<Choice> choose(String accept, List<ResultSyntax> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(new Choice(offered.getFirst(), offered.getFirst().types().getFirst()));
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new IllegalArgumentException("malformed Accept header: " + e.getMessage());
        }
        Choice best = null;
        double bestQuality = 0;
        for (ResultSyntax syntax : offered) {
            for (MediaType type : syntax.types()) {
                Match m = match(ranges, type);
                if (m.quality() > bestQuality) {
                    bestQuality = m.quality();
                    // only */* names no type at all: then answer with the syntax's own
                    best = new Choice(syntax, m.specificity() == 0 ? syntax.types().getFirst() : type);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private record Match(int specificity, double quality) {}

    private static Match match(List<MediaType> ranges, MediaType type) {
        int specificity = -1;
        double quality = 0;
        for (MediaType range : ranges) {
            if (!range.includes(type)) {
                continue;
            }
            int s = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (s > specificity) {
                specificity = s;
                quality = range.getQualityValue();
            } else if (s == specificity) {
                quality = Math.max(quality, range.getQualityValue());
            }
        }
        return new Match(specificity, quality);
    }
}
