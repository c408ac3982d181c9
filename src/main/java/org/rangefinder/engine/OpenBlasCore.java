package org.rangefinder.engine;

import com.sun.jna.platform.unix.LibC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses OpenBLAS's kernels from the CPU's instruction sets, where OpenBLAS's own choice can be far worse.
 *
 * <p>ND4J multiplies matrices with OpenBLAS 0.3.19, which picks its kernels at load time from the CPU model number.
 * It does not know CPUs released after it (here: Intel family 6 model 207, with AVX-512) and then falls back to its
 * oldest x86-64 kernels ("Prescott", SSE3): the digits MLP ran 25-30% slower per step than with the AVX-512
 * ("SkylakeX") kernels. OpenBLAS honours the environment variable {@code OPENBLAS_CORETYPE}, read once when the
 * library loads, so {@link #choose()} sets it in the process's own environment before ND4J loads OpenBLAS:
 * {@code SkylakeX} when the CPU has AVX-512 F, CD, BW, DQ and VL; {@code Haswell} when it has AVX2 and FMA and comes
 * from Intel (OpenBLAS knows AMD's AVX2 CPUs as "Zen": same kernels, its own block sizes); otherwise nothing.
 *
 * <p>It never overrides a value the user set, and does nothing outside Linux on x86-64, where {@code /proc/cpuinfo}
 * tells the instruction sets (the kernel lists only those the OS enables).
 */
public final class OpenBlasCore {
    /** The environment variable OpenBLAS reads. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> AVX2 = Set.of("avx2", "fma");

    private OpenBlasCore() {
    }

    /**
     * Sets {@value #VARIABLE} for this process when the user has not and the CPU's instruction sets call for it.
     * Takes effect only if OpenBLAS is not loaded yet.
     *
     * @return the kernel family set, if one was
     */
    public static Optional<String> choose() {
        if (System.getenv(VARIABLE) != null || !isLinuxX86()) {
            return Optional.empty();
        }
        Optional<String> core = readCpuInfo().flatMap(OpenBlasCore::coreFor);
        core.ifPresent(name -> LibC.INSTANCE.setenv(VARIABLE, name, 0));
        return core;
    }

    /** The kernel family for a CPU described by the first processor's block of {@code /proc/cpuinfo}. */
    static Optional<String> coreFor(String cpuInfo) {
        Set<String> flags = Set.of();
        String vendor = "";
        for (String line : cpuInfo.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("flags") && flags.isEmpty()) {
                flags = Set.copyOf(Arrays.asList(value.split("\\s+")));
            } else if (key.equals("vendor_id") && vendor.isEmpty()) {
                vendor = value;
            }
        }
        if (flags.containsAll(AVX512)) {
            return Optional.of("SkylakeX");
        }
        if (flags.containsAll(AVX2) && vendor.equals("GenuineIntel")) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    private static boolean isLinuxX86() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && List.of("amd64", "x86_64").contains(arch);
    }

    private static Optional<String> readCpuInfo() {
        try {
            return Optional.of(Files.readString(CPUINFO));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
