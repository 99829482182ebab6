package dev.engram.store.knowledge;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotKernel} on 256-bit vectors (eight floats; fixed rather than the platform's preferred width, so the
 * summation order, and with it every cosine, is the same on every x86-64 machine with AVX2), two accumulators.
 * Loaded only by name, when the incubator module is present.
 */
final class SimdDot implements DotKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    private static final int LANES = SPECIES.length();

    @Override
    public float dot(float[] v, int a, int b, int dims) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = FloatVector.zero(SPECIES);
        int d = 0;
        for (; d + 2 * LANES <= dims; d += 2 * LANES) {
            s0 = FloatVector.fromArray(SPECIES, v, a + d).fma(FloatVector.fromArray(SPECIES, v, b + d), s0);
            s1 = FloatVector.fromArray(SPECIES, v, a + d + LANES).fma(FloatVector.fromArray(SPECIES, v, b + d + LANES), s1);
        }
        // lanes summed in a written-out order: reduceLanes' order differs between compiled and interpreted code
        FloatVector t = s0.add(s1);
        float s = ((t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3))) + ((t.lane(4) + t.lane(5)) + (t.lane(6) + t.lane(7)));
        for (; d < dims; d++) {
            s += v[a + d] * v[b + d];
        }
        return s;
    }
}
