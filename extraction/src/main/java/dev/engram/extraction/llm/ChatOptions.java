package dev.engram.extraction.llm;

/**
 * Sampling options of a chat completion; {@code null} leaves a setting to the server's default.
 *
 * @param temperature sampling temperature
 * @param maxTokens   cap on generated tokens
 * @param jsonObject  ask for {@code response_format: {"type": "json_object"}}
 */
public record ChatOptions(Double temperature, Integer maxTokens, boolean jsonObject) {

    /** Server defaults for everything. */
    public static ChatOptions defaults() {
        return new ChatOptions(null, null, false);
    }

    /** These options with another temperature. */
    public ChatOptions withTemperature(double value) {
        return new ChatOptions(value, maxTokens, jsonObject);
    }

    /** These options with another token cap. */
    public ChatOptions withMaxTokens(int value) {
        return new ChatOptions(temperature, value, jsonObject);
    }

    /** These options asking for a JSON object answer. */
    public ChatOptions asJson() {
        return new ChatOptions(temperature, maxTokens, true);
    }
}
