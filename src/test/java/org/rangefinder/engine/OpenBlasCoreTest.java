package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenBlasCoreTest {

    private static String cpu(String vendor, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: 6\nmodel\t\t: 207\n"
                + "flags\t\t: " + flags + "\n\nprocessor\t: 1\nvendor_id\t: " + vendor + "\nflags\t\t: sse2\n";
    }

    @Test
    void aCpuWithAvx512GetsTheSkylakeXKernels() {
        String flags = "fpu sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16";
        assertThat(OpenBlasCore.coreFor(cpu("GenuineIntel", flags))).contains("SkylakeX");
        assertThat(OpenBlasCore.coreFor(cpu("AuthenticAMD", flags))).contains("SkylakeX");
    }

    @Test
    void anIntelCpuWithAvx2ButNotAllOfAvx512GetsTheHaswellKernels() {
        assertThat(OpenBlasCore.coreFor(cpu("GenuineIntel", "sse2 avx fma avx2 avx512f"))).contains("Haswell");
    }

    @Test
    void amdAvx2CpusAndOlderCpusKeepOpenBlassOwnChoice() {
        assertThat(OpenBlasCore.coreFor(cpu("AuthenticAMD", "sse2 avx fma avx2"))).isEmpty();
        assertThat(OpenBlasCore.coreFor(cpu("GenuineIntel", "sse2 sse4_2 avx"))).isEmpty();
        assertThat(OpenBlasCore.coreFor(cpu("GenuineIntel", "sse2 avx2"))).as("AVX2 without FMA").isEmpty();
        assertThat(OpenBlasCore.coreFor("")).isEmpty();
    }

    @Test
    void onlyTheFirstProcessorsBlockCounts() {
        String info = "vendor_id\t: GenuineIntel\nflags\t\t: sse2 avx fma avx2\n\n"
                + "vendor_id\t: AuthenticAMD\nflags\t\t: avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl\n";
        assertThat(OpenBlasCore.coreFor(info)).contains("Haswell");
    }
}
