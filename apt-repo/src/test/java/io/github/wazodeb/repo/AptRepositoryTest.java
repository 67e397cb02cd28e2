package io.github.wazodeb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.repo.sign.SigningKey;
import io.github.wazodeb.repo.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/** The index files {@link AptRepository} writes (SPEC section 7), read back byte by byte. */
class AptRepositoryTest {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);

    @TempDir
    Path work;

    @Test
    void eachStanzaHasTheControlFieldsAndTheFileFields() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        Path base = packages.build(BASE);
        packages.build(ADDON);

        AptRepository.in(packages.repository()).write();

        List<Map<String, String>> stanzas = stanzas(packages.repository());
        assertThat(stanzas).extracting(stanza -> stanza.get("Package"))
                .containsExactly(ADDON.packageName(), BASE.packageName());
        Map<String, String> stanza = stanzas.get(1);
        assertThat(stanza).containsEntry("Version", "1.0")
                .containsEntry("Architecture", "all")
                .containsEntry("Section", "wazo-plugind-plugin")
                .containsEntry("Filename", "./" + base.getFileName())
                .containsEntry("Size", Long.toString(Files.size(base)))
                .containsEntry("MD5sum", hex("MD5", Files.readAllBytes(base)))
                .containsEntry("SHA256", hex("SHA-256", Files.readAllBytes(base)))
                .containsKey("Description");
        assertThat(stanzas.get(0).get("Depends")).contains(BASE.packageName());
    }

    @Test
    void everyVersionOfAPackageIsListedInVersionOrder() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        for (String version : List.of("1.10", "1.9", "1.2~rc1")) {
            packages.build(BASE.withVersion(version));
        }

        RepositoryIndex index = AptRepository.in(packages.repository()).write();

        assertThat(stanzas(packages.repository())).extracting(stanza -> stanza.get("Version"))
                .containsExactly("1.2~rc1", "1.9", "1.10");
        assertThat(index.packages()).extracting(PackageEntry::version).containsExactly("1.2~rc1", "1.9", "1.10");
    }

    @Test
    void theCompressedIndexesHoldThePackagesText() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);

        AptRepository.in(packages.repository()).write();

        byte[] plain = Files.readAllBytes(packages.repository().resolve("Packages"));
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(packages.repository().resolve("Packages.gz")));
                InputStream xz = new XZInputStream(Files.newInputStream(packages.repository().resolve("Packages.xz")))) {
            assertThat(gz.readAllBytes()).isEqualTo(plain);
            assertThat(xz.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void releaseHasTheSizeAndSha256OfEachIndexFile() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);

        AptRepository.in(packages.repository()).write();

        Map<String, String> release = ControlStanzas.parse(read(packages.repository().resolve("Release"))).get(0);
        List<String> lines = release.get("SHA256").strip().lines().toList();
        assertThat(lines).hasSize(3);
        Map<String, String[]> byName = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.strip().split(" +");
            byName.put(parts[2], parts);
        }
        assertThat(byName).containsOnlyKeys("Packages", "Packages.gz", "Packages.xz");
        for (Map.Entry<String, String[]> entry : byName.entrySet()) {
            byte[] content = Files.readAllBytes(packages.repository().resolve(entry.getKey()));
            assertThat(entry.getValue()[0]).as(entry.getKey()).isEqualTo(hex("SHA-256", content));
            assertThat(entry.getValue()[1]).as(entry.getKey()).isEqualTo(Integer.toString(content.length));
        }
    }

    @Test
    void releaseIsDatedByThePackagesUnlessADateIsGiven() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);

        AptRepository.in(packages.repository()).write();
        assertThat(read(packages.repository().resolve("Release"))).startsWith("Date: Tue, 14 Nov 2023 22:13:20 UTC\n");

        AptRepository.in(packages.repository()).dated(Instant.parse("2024-02-29T08:00:00Z")).write();
        assertThat(read(packages.repository().resolve("Release"))).startsWith("Date: Thu, 29 Feb 2024 08:00:00 UTC\n");
    }

    @Test
    void theSameFolderGivesTheSameBytesEvenCopiedElsewhereWithOtherFileTimes() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);
        packages.build(BASE.withVersion("2.0"));
        packages.build(ADDON);
        SigningKey key = signingKey();
        Path copy = Files.createDirectories(work.resolve("copy"));
        try (Stream<Path> debs = Files.list(packages.repository())) {
            for (Path deb : debs.toList()) {
                Path copied = Files.copy(deb, copy.resolve(deb.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            }
        }

        Map<String, byte[]> first = indexFiles(AptRepository.in(packages.repository()).signedBy(key).write());
        Map<String, byte[]> again = indexFiles(AptRepository.in(packages.repository()).signedBy(key).write());
        Map<String, byte[]> elsewhere = indexFiles(AptRepository.in(copy).signedBy(key).write());

        assertThat(first).containsOnlyKeys("Packages", "Packages.gz", "Packages.xz", "InRelease", "Release",
                "Release.gpg");
        for (String name : first.keySet()) {
            assertThat(again.get(name)).as(name + " written twice").isEqualTo(first.get(name));
            assertThat(elsewhere.get(name)).as(name + " of a copy").isEqualTo(first.get(name));
        }
    }

    @Test
    void aDebThatIsNotAPackageIsRefusedByNameAndNothingIsWritten() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);
        Files.writeString(packages.repository().resolve("notes.deb"), "not a package\n");

        assertThatThrownBy(() -> AptRepository.in(packages.repository()).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .singleElement().asString().contains("notes.deb").contains("not a"));
        assertThat(packages.repository().resolve("Packages")).doesNotExist();
        assertThat(packages.repository().resolve("Release")).doesNotExist();
        try (Stream<Path> files = Files.list(packages.repository())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("notes.deb", BASE.packageName() + "_1.0_all.deb");
        }
    }

    @Test
    void theSamePackageTwiceUnderTwoNamesIsRefused() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        Path base = packages.build(BASE);
        Files.copy(base, packages.repository().resolve("copy-of-base.deb"));

        assertThatThrownBy(() -> AptRepository.in(packages.repository()).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .singleElement().asString().contains("copy-of-base.deb").contains(base.getFileName().toString()));
    }

    @Test
    void aFolderWithoutPackagesIsRefused() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));

        assertThatThrownBy(() -> AptRepository.in(empty).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(empty + ": no .deb files to list"));
        assertThatThrownBy(() -> AptRepository.in(work.resolve("missing")).write())
                .isInstanceOf(InvalidRepositoryException.class).hasMessageContaining("missing: no such directory");
    }

    @Test
    void anUnsignedRunRemovesTheSignaturesOfAnEarlierSignedOne() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);
        RepositoryIndex signed = AptRepository.in(packages.repository()).signedBy(signingKey()).write();
        assertThat(signed.written()).extracting(path -> path.getFileName().toString())
                .contains("InRelease", "Release.gpg");

        RepositoryIndex unsigned = AptRepository.in(packages.repository()).write();

        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.removed()).extracting(path -> path.getFileName().toString())
                .containsExactly("InRelease", "Release.gpg");
        assertThat(packages.repository().resolve("InRelease")).doesNotExist();
        assertThat(packages.repository().resolve("Release.gpg")).doesNotExist();
        assertThat(packages.repository().resolve("Release")).exists();
    }

    @Test
    void inReleaseIsReleaseClearSigned() throws Exception {
        FixturePackages packages = new FixturePackages(work);
        packages.build(BASE);

        RepositoryIndex index = AptRepository.in(packages.repository()).signedBy(signingKey()).write();

        String release = read(packages.repository().resolve("Release"));
        String inRelease = read(packages.repository().resolve("InRelease"));
        assertThat(inRelease).startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + release
                + "-----BEGIN PGP SIGNATURE-----\n");
        assertThat(read(packages.repository().resolve("Release.gpg"))).startsWith("-----BEGIN PGP SIGNATURE-----\n");
        assertThat(index.signedBy()).hasSize(40);
    }

    private SigningKey signingKey() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work.resolve("key"), "secret words");
        return SigningKey.read(key.secretKeyFile(), key.passphrase().toCharArray());
    }

    private static List<Map<String, String>> stanzas(Path repository) throws IOException {
        return ControlStanzas.parse(read(repository.resolve("Packages")));
    }

    private static Map<String, byte[]> indexFiles(RepositoryIndex index) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : index.written()) {
            files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
