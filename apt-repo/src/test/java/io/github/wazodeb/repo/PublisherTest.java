package io.github.wazodeb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.repo.testing.ForgedPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Publisher}: the standard repository CI jobs share (SPEC section 7), checked file by file. */
class PublisherTest {

    private static final PluginFixture BASE = PluginFixture.plugin("base");

    @TempDir
    Path work;

    private Path root() {
        return work.resolve("published");
    }

    private FixturePackages packages() {
        return new FixturePackages(work);
    }

    @Test
    void aPublishedPackageIsInThePoolAndListedInItsSuiteOnly() throws Exception {
        Path deb = packages().build(BASE);

        PublishResult result = Publisher.into(root()).suite("testing").publish(List.of(deb));

        String poolPath = "pool/main/w/" + BASE.packageName() + "/" + BASE.packageName() + "_1.0_all.deb";
        assertThat(root().resolve(poolPath)).hasSameBinaryContentAs(deb);
        assertThat(result.added()).extracting(PackageEntry::fileName).containsExactly(poolPath);
        String packagesText = Files.readString(root().resolve("dists/testing/main/binary-all/Packages"));
        assertThat(ControlStanzas.parse(packagesText)).singleElement()
                .satisfies(stanza -> assertThat(stanza).containsEntry("Filename", poolPath)
                        .containsEntry("Package", BASE.packageName()));
        String release = Files.readString(root().resolve("dists/testing/Release"));
        assertThat(release).contains("Suite: testing\n", "Codename: testing\n", "Architectures: all\n",
                "Components: main\n", "Acquire-By-Hash: yes\n", " main/binary-all/Packages.gz\n");
        for (String index : List.of("Packages", "Packages.gz")) {
            byte[] content = Files.readAllBytes(root().resolve("dists/testing/main/binary-all/" + index));
            assertThat(root().resolve("dists/testing/main/binary-all/by-hash/SHA256/" + sha256(content)))
                    .hasBinaryContent(content);
        }
        assertThat(root().resolve("dists/stable")).doesNotExist();
    }

    @Test
    void theSameVersionWithOtherBytesIsRefusedNamingBothDigests() throws Exception {
        Path first = packages().build(BASE);
        Publisher.into(root()).publish(List.of(first));
        String firstSha = sha256(Files.readAllBytes(first));
        Path other = packages().build(BASE.withExtraYaml("description: rebuilt with other bytes"));
        String otherSha = sha256(Files.readAllBytes(other));
        Map<String, String> before = tree(root());

        assertThatThrownBy(() -> Publisher.into(root()).publish(List.of(other)))
                .isInstanceOfSatisfying(PublishConflictException.class, conflict -> assertThat(conflict.conflicts())
                        .singleElement().asString().contains(other.toString(), BASE.packageName() + " 1.0",
                                firstSha, otherSha));
        assertThat(tree(root())).isEqualTo(before);
    }

    @Test
    void aSecondIdenticalPublishChangesNoByte() throws Exception {
        Path deb = packages().build(BASE);
        Publisher.into(root()).suite("testing").publish(List.of(deb));
        Map<String, String> before = tree(root());

        PublishResult again = Publisher.into(root()).suite("testing").publish(List.of(deb));

        assertThat(again.changed()).isFalse();
        assertThat(again.alreadyListed()).extracting(PackageEntry::name).containsExactly(BASE.packageName());
        assertThat(tree(root())).isEqualTo(before);
    }

    @Test
    void keepListsTheNewestVersionsInDpkgOrderAndRemovesOnlyPoolFilesNoSuiteLists() throws Exception {
        FixturePackages packages = packages();
        Path v9 = packages.build(BASE.withVersion("1.9"));
        Path v10 = packages.build(BASE.withVersion("1.10"));
        Path rc = packages.build(BASE.withVersion("1.11~rc1"));
        Publisher.into(root()).suite("testing").publish(List.of(v9));
        Publisher.into(root()).suite("stable").publish(List.of(v9));
        Publisher.into(root()).suite("testing").publish(List.of(v10));

        PublishResult result = Publisher.into(root()).suite("testing").keeping(2).publish(List.of(rc));
        PublishResult pruned = Publisher.into(root()).suite("testing").keeping(1).publish(List.of(rc));

        assertThat(result.dropped()).extracting(PackageEntry::version).containsExactly("1.9");
        assertThat(result.poolFilesRemoved()).isEmpty();
        assertThat(pruned.dropped()).extracting(PackageEntry::version).containsExactly("1.10");
        assertThat(pruned.poolFilesRemoved()).containsExactly(root().resolve(poolPath("1.10")));
        assertThat(versionsIn("testing")).containsExactly("1.11~rc1");
        assertThat(versionsIn("stable")).containsExactly("1.9");
        assertThat(root().resolve(poolPath("1.9"))).exists();
        assertThat(root().resolve(poolPath("1.10"))).doesNotExist();
        assertThat(root().resolve(poolPath("1.11~rc1"))).exists();
    }

    @Test
    void promoteListsTheNewestVersionOrTheOneNamedInTheOtherSuiteWithoutACopy() throws Exception {
        FixturePackages packages = packages();
        Publisher.into(root()).suite("testing").publish(List.of(packages.build(BASE.withVersion("1.0")),
                packages.build(BASE.withVersion("2.0"))));
        long poolFiles = countPoolFiles();

        PublishResult newest = Publisher.into(root()).promote("testing", "stable", List.of(BASE.packageName()));
        PublishResult named = Publisher.into(root()).promote("testing", "oldstable",
                List.of(BASE.packageName() + "=1.0"));
        PublishResult again = Publisher.into(root()).promote("testing", "stable", List.of(BASE.packageName()));

        assertThat(newest.added()).extracting(PackageEntry::version).containsExactly("2.0");
        assertThat(named.added()).extracting(PackageEntry::version).containsExactly("1.0");
        assertThat(again.changed()).isFalse();
        assertThat(versionsIn("stable")).containsExactly("2.0");
        assertThat(versionsIn("oldstable")).containsExactly("1.0");
        assertThat(countPoolFiles()).isEqualTo(poolFiles);
    }

    @Test
    void promotingAPackageTheSuiteDoesNotListNamesIt() throws Exception {
        Publisher.into(root()).suite("testing").publish(List.of(packages().build(BASE)));

        assertThatThrownBy(() -> Publisher.into(root()).promote("testing", "stable",
                List.of(BASE.packageName() + "=9.9", "nothing-here")))
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(BASE.packageName() + "=9.9: not in suite testing",
                                "nothing-here: not in suite testing"));
    }

    @Test
    void aForgedIndexFieldIsRefusedNamingThePackageAndTheField() throws Exception {
        Path forged = ForgedPackages.withControl(work.resolve("upload"), "forged.deb",
                ForgedPackages.pointingAtPasswd("wazo-plugind-forged-evil"));

        assertThatThrownBy(() -> Publisher.into(root()).publish(List.of(forged)))
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(forged + ": its control file carries the field Filename, which only a"
                                + " repository's index may carry: refused, the repository writes its own"));
        assertThat(root().resolve("pool")).doesNotExist();
    }

    @Test
    void aBadSuiteNameIsRefused() throws Exception {
        Path deb = packages().build(BASE);

        assertThatThrownBy(() -> Publisher.into(root()).suite("../etc").publish(List.of(deb)))
                .isInstanceOf(InvalidRepositoryException.class).hasMessageContaining("\"../etc\" is not a valid suite");
    }

    @Test
    void aPublishReadsOnlyThePackagesItAdds() throws Exception {
        FixturePackages packages = packages();
        Publisher testing = Publisher.into(root()).suite("testing");
        testing.publish(List.of(packages.build(BASE.withVersion("1.0"))));
        // The listed file's bytes change behind the cache's back, its size and time kept: read again, it would
        // no longer match its SHA256 and the publish would stop.
        Path listed = root().resolve(poolPath("1.0"));
        FileTime time = Files.getLastModifiedTime(listed);
        byte[] bytes = Files.readAllBytes(listed);
        bytes[bytes.length - 1] ^= 1;
        Files.write(listed, bytes);
        Files.setLastModifiedTime(listed, time);

        PublishResult result = testing.publish(List.of(packages.build(BASE.withVersion("2.0"))));

        assertThat(result.added()).extracting(PackageEntry::version).containsExactly("2.0");
        assertThat(versionsIn("testing")).containsExactly("1.0", "2.0");
        // Once its time changes, the cache no longer vouches for it: read again, the change is refused.
        Files.setLastModifiedTime(listed, FileTime.fromMillis(time.toMillis() + 1000));
        assertThatThrownBy(() -> testing.publish(List.of(packages.build(BASE.withVersion("3.0")))))
                .isInstanceOf(PublishConflictException.class).hasMessageContaining(poolPath("1.0"));
    }

    @Test
    void aLostCacheOnlyMeansTheListedFilesAreReadAgain() throws Exception {
        FixturePackages packages = packages();
        Publisher.into(root()).suite("testing").publish(List.of(packages.build(BASE.withVersion("1.0"))));
        Files.delete(root().resolve(".wazo-deb/pool.cache"));

        Publisher.into(root()).suite("testing").publish(List.of(packages.build(BASE.withVersion("2.0"))));

        assertThat(versionsIn("testing")).containsExactly("1.0", "2.0");
        assertThat(Files.readString(root().resolve(".wazo-deb/pool.cache"))).contains(poolPath("1.0"), poolPath("2.0"));
    }

    @Test
    void supersededByHashFilesStayWhileRecentThenOnlyForTheLastFourIndexes() throws Exception {
        FixturePackages packages = packages();
        Publisher testing = Publisher.into(root()).suite("testing");
        testing.publish(List.of(packages.build(BASE.withVersion("1.0"))));
        List<String> first = byHashFiles();
        for (int version = 2; version <= 6; version++) {
            testing.publish(List.of(packages.build(BASE.withVersion(version + ".0"))));
        }
        List<String> afterSix = byHashFiles();
        // Every index was replaced long ago, as after a quiet weekend.
        Path history = root().resolve(".wazo-deb/by-hash/testing");
        Files.writeString(history, Files.readString(history).replaceAll("(?m)^\\d+ ", "0 "));

        testing.publish(List.of(packages.build(BASE.withVersion("7.0"))));

        assertThat(first).hasSize(2);
        assertThat(afterSix).hasSize(12).containsAll(first);
        assertThat(byHashFiles()).hasSize(8).doesNotContainAnyElementsOf(first);
    }

    private List<String> byHashFiles() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("dists/testing/main/binary-all/by-hash/SHA256"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private String poolPath(String version) {
        return "pool/main/w/" + BASE.packageName() + "/" + BASE.packageName() + "_" + version + "_all.deb";
    }

    private List<String> versionsIn(String suite) throws IOException {
        return ControlStanzas.parse(Files.readString(root().resolve("dists/" + suite + "/main/binary-all/Packages")))
                .stream().map(stanza -> stanza.get("Version")).toList();
    }

    private long countPoolFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("pool"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Every file under {@code root} by relative path, with the SHA-256 of its bytes. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
