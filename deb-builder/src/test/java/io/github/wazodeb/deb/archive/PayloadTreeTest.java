package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadTreeTest {

    @TempDir
    Path root;

    @Test
    void entriesAreSortedByUtf8BytesWithTheRootFirstAndEveryParentPresent() throws IOException {
        for (String name : List.of("z", "é", "a-b", "B")) {
            Fixtures.file(root, name, name, "rw-r--r--");
        }
        Fixtures.file(root, "a/b/c", "c", "rw-r--r--");

        List<String> paths = PayloadTree.scan(root).entries().stream().map(PayloadEntry::path).toList();

        // As dpkg-deb orders them: each directory's entries right after it, a directory's names sorted.
        assertThat(paths).containsExactly("", "B", "a", "a/b", "a/b/c", "a-b", "z", "é");
    }

    @Test
    void symlinksAreKeptAsLinksEvenToDirectoriesOrNothing() throws IOException {
        Fixtures.dir(root, "dir/sub");
        Files.createSymbolicLink(root.resolve("to-dir"), Path.of("dir"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/no/such/target"));

        List<PayloadEntry> entries = PayloadTree.scan(root).entries();

        assertThat(entries).filteredOn(e -> e.type() == EntryType.SYMLINK)
                .extracting(PayloadEntry::path, PayloadEntry::linkTarget, PayloadEntry::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dangling", "/no/such/target", 0L),
                        org.assertj.core.groups.Tuple.tuple("to-dir", "dir", 0L));
        assertThat(entries).extracting(PayloadEntry::path).doesNotContain("to-dir/sub");
    }

    @Test
    void emptyDirectoriesAreKept() throws IOException {
        Fixtures.dir(root, "empty");

        assertThat(PayloadTree.scan(root).entries())
                .extracting(PayloadEntry::path, PayloadEntry::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", EntryType.DIRECTORY),
                        org.assertj.core.groups.Tuple.tuple("empty", EntryType.DIRECTORY));
    }

    @Test
    void aSecondNameOfTheSameInodeBecomesAHardLinkToTheFirstInOrder() throws IOException {
        Fixtures.file(root, "z-original", "content", "rw-r--r--");
        Files.createLink(root.resolve("a-link"), root.resolve("z-original"));

        List<PayloadEntry> entries = PayloadTree.scan(root).entries();

        assertThat(entries.get(1)).extracting(PayloadEntry::path, PayloadEntry::type, PayloadEntry::size)
                .containsExactly("a-link", EntryType.REGULAR, 7L);
        assertThat(entries.get(2)).extracting(PayloadEntry::path, PayloadEntry::type, PayloadEntry::linkTarget,
                PayloadEntry::size).containsExactly("z-original", EntryType.HARD_LINK, "a-link", 0L);
    }

    @Test
    void modesKeepSetuidAndExecuteBits() throws IOException {
        Fixtures.file(root, "suid", "x", "rwxr-xr-x");
        Files.setAttribute(root.resolve("suid"), "unix:mode", 04755);
        Fixtures.file(root, "plain", "x", "rw-r-----");

        List<PayloadEntry> entries = PayloadTree.scan(root).entries();

        assertThat(entries).extracting(PayloadEntry::path, PayloadEntry::mode)
                .contains(org.assertj.core.groups.Tuple.tuple("suid", 04755),
                        org.assertj.core.groups.Tuple.tuple("plain", 0640));
    }

    @Test
    void aFifoIsRefusedNamingItsPath() throws IOException {
        Requirements.assumeAvailable(Requirement.MKFIFO);
        Fixtures.dir(root, "run");
        Commands.stdoutOf("mkfifo", root.resolve("run/pipe").toString());

        assertThatThrownBy(() -> PayloadTree.scan(root).entries())
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("\"run/pipe\"")
                .hasMessageContaining("FIFO")
                .satisfies(e -> assertThat(((PayloadException) e).path()).isEqualTo("run/pipe"));
    }

    @Test
    void aFileNameWithALineBreakIsRefused() throws IOException {
        Fixtures.file(root, "bad\nname", "x", "rw-r--r--");

        assertThatThrownBy(() -> PayloadTree.scan(root).entries())
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("line break")
                .hasMessageContaining("bad\\nname");
    }

    @Test
    void aNameOfMoreThan246BytesIsRefusedNamingIt() throws IOException {
        // 'é' is two bytes: 123 of them and one letter make 247 bytes in 124 characters.
        String name = "é".repeat(123) + "x";
        Fixtures.file(root, "usr/share/" + name, "x", "rw-r--r--");

        assertThatThrownBy(() -> PayloadTree.scan(root).entries())
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("\"usr/share/" + name + "\" has a name of 247 bytes, which dpkg cannot install")
                .satisfies(e -> assertThat(((PayloadException) e).path()).isEqualTo("usr/share/" + name));
    }

    @Test
    void aNameOf246BytesIsKept() throws IOException {
        String name = "n".repeat(246);
        Fixtures.file(root, "usr/" + name, "x", "rw-r--r--");

        assertThat(PayloadTree.scan(root).entries()).extracting(PayloadEntry::path).contains("usr/" + name);
    }

    @Test
    void aPathLongerThanDpkgCanUnpackIsRefusedBeforeItIsRead() throws IOException {
        // Sixteen levels of 240-byte names make 3,855 bytes; the seventeenth 4,096. Made one level at a
        // time relative to the one before, as a step that cds down makes them: the whole path is too long
        // for one system call.
        List<String> names = new ArrayList<>();
        for (int level = 0; level < 17; level++) {
            names.add(Character.toString('a' + level).repeat(240));
        }
        Commands.shell("cd \"$1\" && shift && for name; do mkdir \"$name\" && cd \"$name\"; done",
                Stream.concat(Stream.of(root.toString()), names.stream()).toArray(String[]::new));
        String path = String.join("/", names);

        try {
            assertThatThrownBy(() -> PayloadTree.scan(root).entries())
                    .isInstanceOf(PayloadException.class)
                    .hasMessageContaining("has a path of 4096 bytes, which dpkg cannot install")
                    .satisfies(e -> assertThat(((PayloadException) e).path()).isEqualTo(path));
        } finally {
            // rm walks down relative to each level; the temporary directory's own clean-up could not.
            Commands.shell("rm -rf \"$1\"", root.resolve(names.get(0)).toString());
        }
    }

    @Test
    void installedSizeRoundsFilesAndSymlinksUpAndCountsOtherEntriesAndHardLinksOnce() throws IOException {
        Fixtures.dir(root, "dir");                                    // 1 (root) + 1
        Fixtures.file(root, "dir/empty", "", "rw-r--r--");            // 0
        Fixtures.file(root, "dir/one", "x", "rw-r--r--");             // 1
        Fixtures.file(root, "dir/exact", "x".repeat(1024), "rw-r--r--"); // 1
        Fixtures.file(root, "dir/over", "x".repeat(1025), "rw-r--r--");  // 2
        Files.createLink(root.resolve("dir/over-again"), root.resolve("dir/over")); // 0
        Files.createSymbolicLink(root.resolve("link"), Path.of("x".repeat(1500)));  // 2

        assertThat(PayloadTree.scan(root).installedSizeKiB()).isEqualTo(1 + 1 + 0 + 1 + 1 + 2 + 0 + 2);
    }
}
