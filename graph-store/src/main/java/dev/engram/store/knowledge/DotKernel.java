package dev.engram.store.knowledge;

/**
 * Dot products of vectors stored row-major in one float array: SIMD through the Vector API when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} (as {@code bin/engram} and the tests do), scalar otherwise. Either
 * sums in one fixed order, so a product depends only on the two vectors.
 */
interface DotKernel {
    /** The dot product of the {@code dims} floats at {@code a} and at {@code b}. */
    float dot(float[] v, int a, int b, int dims);

    /** The best kernel this JVM can run. */
    DotKernel BEST = best();

    private static DotKernel best() {
        try {
            // by name: without the incubator module, loading the SIMD kernel would fail
            return (DotKernel) Class.forName("dev.engram.store.knowledge.SimdDot").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return DotKernel::scalar;
        }
    }

    // eight independent sums, so the loop is not one long dependency chain; always in the same order
    static float scalar(float[] v, int a, int b, int dims) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        for (; d + 8 <= dims; d += 8) {
            s0 += v[a + d] * v[b + d];
            s1 += v[a + d + 1] * v[b + d + 1];
            s2 += v[a + d + 2] * v[b + d + 2];
            s3 += v[a + d + 3] * v[b + d + 3];
            s4 += v[a + d + 4] * v[b + d + 4];
            s5 += v[a + d + 5] * v[b + d + 5];
            s6 += v[a + d + 6] * v[b + d + 6];
            s7 += v[a + d + 7] * v[b + d + 7];
        }
        for (; d < dims; d++) {
            s0 += v[a + d] * v[b + d];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
