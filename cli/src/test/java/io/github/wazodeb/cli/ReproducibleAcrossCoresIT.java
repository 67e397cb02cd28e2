package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same plugin gives the same package bytes whether the JVM sees one core or two: the compression
 * chunks are sized by the compression and level, never by the number of cores. The payload spans several
 * chunks for every compression (gzip 4 MiB members, xz level 0 1 MiB blocks, zstd workers' jobs).
 */
class ReproducibleAcrossCoresIT {

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({"gzip, 1", "xz, 0", "zstd, 1", "none, 0"})
    void oneCoreAndTwoCoresWriteTheSameBytes(String compression, String level) throws Exception {
        Path payload = work.resolve("payload.bin");
        writePayload(payload, 14 << 20);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("cores", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/cores\" && cp '" + payload + "' \"$pkgdir/usr/share/cores/\""));

        Path one = build(plugin, "one", 1, compression, level);
        Path two = build(plugin, "two", 2, compression, level);

        assertThat(Files.mismatch(one, two)).as("first differing byte").isEqualTo(-1L);
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path unpacked = work.resolve("unpacked");
        DpkgDeb.extract(two, unpacked);
        assertThat(Files.mismatch(unpacked.resolve("usr/share/cores/payload.bin"), payload)).isEqualTo(-1L);
    }

    private Path build(Path plugin, String out, int cores, String compression, String level) throws Exception {
        List<String> args = compression.equals("none")
                ? List.of("package", plugin.toString(), "-o", out, "-q", "--compression", compression)
                : List.of("package", plugin.toString(), "-o", out, "-q", "--compression", compression,
                        "--compression-level", level);
        CliRun run = CliRun.wazoDebThrough(List.of(), List.of("-XX:ActiveProcessorCount=" + cores), work, Map.of(),
                args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (var files = Files.list(work.resolve(out))) {
            return files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    /** Text with runs of random bytes: compressible and incompressible stretches across the chunk borders. */
    private static void writePayload(Path file, int size) throws Exception {
        Random random = new Random(42);
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += block.length) {
                if ((written >> 16) % 5 == 0) {
                    random.nextBytes(block);
                } else {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) (random.nextInt(8) == 0 ? '\n' : 'a' + random.nextInt(16));
                    }
                }
                out.write(block);
            }
        }
    }
}
