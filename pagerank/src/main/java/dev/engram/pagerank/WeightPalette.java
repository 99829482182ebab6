package dev.engram.pagerank;

/**
 * Arc weights as 2-byte codes into a table of the distinct values, when there are few enough: a knowledge graph's
 * weights are support counts, one mention weight and synonym similarities, so coding them halves the weight column
 * without changing any value.
 *
 * @param codes   one code an arc
 * @param palette the distinct weights, in order of first appearance
 */
record WeightPalette(char[] codes, float[] palette) {

    /** The coded weights, or null when there are more than {@code maxSize} distinct values (by bit pattern). */
    static WeightPalette of(float[] weights, int maxSize) {
        // open addressing on the float's bits, at most half full: slots hold code + 1, 0 is empty
        int capacity = Integer.highestOneBit(Math.max(2, Math.min(maxSize, weights.length)) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] keys = new int[capacity];
        int[] slots = new int[capacity];
        float[] palette = new float[Math.min(maxSize, Math.max(1, weights.length))];
        char[] codes = new char[weights.length];
        int size = 0;
        for (int a = 0; a < weights.length; a++) {
            int bits = Float.floatToRawIntBits(weights[a]);
            int i = mix(bits) & mask;
            while (slots[i] != 0 && keys[i] != bits) {
                i = (i + 1) & mask;
            }
            if (slots[i] == 0) {
                if (size == maxSize) {
                    return null;
                }
                keys[i] = bits;
                slots[i] = size + 1;
                palette[size++] = weights[a];
            }
            codes[a] = (char) (slots[i] - 1);
        }
        return new WeightPalette(codes, java.util.Arrays.copyOf(palette, size));
    }

    private static int mix(int bits) {
        int h = bits * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
