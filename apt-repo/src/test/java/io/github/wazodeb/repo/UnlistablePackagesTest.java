package io.github.wazodeb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.repo.testing.ForgedPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packages a repository refuses to list, each with one line in a person's words naming the file: control files
 * that would write the index's own fields or lines (item 1 of issue 16), and files that are no package.
 */
class UnlistablePackagesTest {

    private static final String HEAD = "Package: wazo-plugind-forged-evil\nVersion: 1.0\nArchitecture: all\n"
            + "Maintainer: Mallory <m@example.org>\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Filename", "Size", "MD5sum", "SHA1", "SHA256", "SHA512", "Description-md5",
            "Phased-Update-Percentage", "sha256", "FILENAME"})
    void aFieldOnlyAnIndexMayCarryIsRefusedNamingTheField(String field) {
        Path forged = ForgedPackages.withControl(work.resolve("repo"), "forged.deb",
                HEAD + "Description: innocent\n" + field + ": 0\n");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(forged + ": its control file carries the field " + field
                                + ", which only a repository's index may carry: refused, the repository writes its own"));
        assertThat(work.resolve("repo/Packages")).doesNotExist();
    }

    @Test
    void theForgedPasswdEntryNeverReachesAnIndex() {
        ForgedPackages.withControl(work.resolve("repo"), "forged.deb",
                ForgedPackages.pointingAtPasswd("wazo-plugind-forged-evil"));

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOf(InvalidRepositoryException.class).hasMessageContaining("the field Filename");
        assertThat(work.resolve("repo/Packages")).doesNotExist();
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        Path forged = ForgedPackages.withUncheckedControl(work.resolve("repo"), "twice.deb",
                HEAD + "Description: one\ndepends: a\nDepends: b\n");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(forged + ": its control file is not valid: field Depends is given twice"
                                + " (line 7)"));
    }

    @Test
    void aPackageNameThatWouldClimbOutOfThePoolIsRefused() {
        Path forged = ForgedPackages.withUncheckedControl(work.resolve("repo"), "climb.deb",
                HEAD.replace("wazo-plugind-forged-evil", "../../etc") + "Description: d\n");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .singleElement().asString().startsWith(forged + ": Package \"../../etc\" is not a valid"));
    }

    @Test
    void aContinuationLineThatWouldStartAStanzaIsRefused() {
        Path forged = ForgedPackages.withUncheckedControl(work.resolve("repo"), "blank.deb",
                HEAD + "Description: one\n \nFilename: ../../etc/passwd\n");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(forged + ": its control file is not valid: line 6 is a blank continuation"
                                + " line in field Description"));
    }

    @Test
    void garbageIsNamedInWordsWithoutItsBytes() throws Exception {
        Path garbage = ForgedPackages.garbage(work.resolve("repo"), "garbage.deb");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("repo")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(garbage + ": not a Debian package (a .deb is an ar archive, and this file"
                                + " does not start as one)"));
    }

    @ParameterizedTest(name = "cut at {0} bytes")
    @ValueSource(ints = {8, 70, 200, 1000})
    void aTruncatedPackageIsOneReadableLine(int keep) throws Exception {
        Path whole = new FixturePackages(work).build(PluginFixture.plugin("whole"));
        Path cut = ForgedPackages.truncated(whole, keep, work.resolve("cut"), "cut.deb");

        assertThatThrownBy(() -> AptRepository.in(work.resolve("cut")).write())
                .isInstanceOfSatisfying(InvalidRepositoryException.class, invalid -> assertThat(invalid.problems())
                        .singleElement().asString().startsWith(cut + ": ").doesNotContain("null")
                        .doesNotContain("Invalid header").matches("\\p{Print}+"));
        assertThat(Files.exists(work.resolve("cut/Packages"))).isFalse();
    }
}
