package dev.engram.store.lookup;

import dev.engram.records.document.PassagePlace;
import org.neo4j.driver.Value;

/** Reads a chunk's place (pages, section path) from the properties the document writer stores on it. */
public final class ChunkPlaces {
    private ChunkPlaces() {}

    /** The Cypher map expression of chunk {@code c}'s place, to return beside it. */
    public static String cypher(String c) {
        return "{pageStart: " + c + ".pageStart, pageEnd: " + c + ".pageEnd, sectionPath: " + c + ".sectionPath}";
    }

    /** The place returned by {@link #cypher}. */
    public static PassagePlace of(Value place) {
        if (place == null || place.isNull()) {
            return PassagePlace.NONE;
        }
        Value path = place.get("sectionPath");
        return new PassagePlace(place.get("pageStart").asInt(0), place.get("pageEnd").asInt(0),
                path.isNull() ? java.util.List.of() : path.asList(Value::asString));
    }
}
