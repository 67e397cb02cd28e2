package io.github.wazodeb.deb.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new {@link Staging} removes what builds killed outright left in the same folder, and never what a live
 * build is using: a live build holds a POSIX lock on its {@code lock} file, which the system drops when the
 * process dies.
 */
class StagingTest {

    @TempDir
    Path work;

    private Path parent;
    private Path plugin;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void makeTheFolders() throws IOException {
        parent = Files.createDirectories(work.resolve("temp"));
        plugin = Files.createDirectories(work.resolve("plugin"));
    }

    @Test
    void anAbandonedStagingWhoseLockIsFreeIsRemoved() throws IOException {
        Path abandoned = leftover(Staging.PREFIX + "killed", true);

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(abandoned).doesNotExist();
            assertThat(staging.payload()).isDirectory();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aStagingLockedByAnotherLiveProcessIsKept() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path live = leftover(Staging.PREFIX + "live", true);
        // lockf takes the same POSIX (fcntl) record lock as Java's FileChannel.lock on Linux.
        Process holder = new ProcessBuilder("python3", "-c", """
                import fcntl, sys, time
                lock = open(sys.argv[1], "r+")
                fcntl.lockf(lock, fcntl.LOCK_EX)
                print("locked", flush=True)
                time.sleep(120)
                """, live.resolve("lock").toString()).redirectErrorStream(true).start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");

            try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
                assertThat(live.resolve("payload/file")).as("a live build's staging").hasContent("in use");
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(live).as("the same staging once its process is gone").doesNotExist();
        }
    }

    @Test
    void aLocklessStagingBeingMadeIsKeptUnlessItIsOlderThanAnHour() throws IOException {
        Path young = Files.createDirectories(parent.resolve(Staging.PREFIX + "being-made"));
        Files.createFile(young.resolve("lock.new"));
        Path old = Files.createDirectories(parent.resolve(Staging.PREFIX + "from-long-ago"));
        Files.setLastModifiedTime(young, FileTime.from(Instant.now().minus(Duration.ofMinutes(50))));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofMinutes(70))));

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(young).isDirectory();
            assertThat(old).doesNotExist();
        }
    }

    @Test
    void aLocklessStagingMadeAgainByAProcessStillWritingIntoItsPayloadIsRemovedAtOnce() throws IOException {
        Path madeAgain = leftover(Staging.PREFIX + "written-after-removal", false);

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(madeAgain).doesNotExist();
        }
    }

    @Test
    void aYoungLocklessStagingThatHoldsAllAStagingHoldsIsKept() throws IOException {
        // A live build's, whose lock a rules step removed: only its age tells, as before.
        Path whole = leftover(Staging.PREFIX + "lock-removed", false);
        Files.createDirectory(whole.resolve("work"));

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(whole).isDirectory();
        }
    }

    @Test
    void anAbandonedStagingWhosePathsPassTheKernelsLimitIsRemoved() throws IOException {
        Path abandoned = leftover(Staging.PREFIX + "deep", true);
        // 30 levels of 200-byte names, made ten at a time relative to the shell's working directory.
        Commands.shell("cd \"$1\" && p=$(printf \"$(printf 'n%.0s' $(seq 200))/%.0s\" $(seq 10)) && "
                + "for i in 1 2 3; do mkdir -p \"$p\" && touch \"$p/file\" && cd -P \"$p\" || exit 1; done",
                abandoned.resolve("payload").toString());

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(abandoned).doesNotExist();
        }
    }

    @Test
    void foldersNotNamedLikeAStagingAreLeftAlone() throws IOException {
        Path other = Files.createDirectories(parent.resolve("someone-elses"));
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(other).isDirectory();
        }
    }

    @Test
    void aUsersFolderNamedLikeWazoDebIsLeftAloneWhateverItHoldsAndHowOld() throws IOException {
        // The archive's top folder, unpacked into /tmp: lockless, neither payload/ nor work/, days old.
        Path unpacked = Files.createDirectories(parent.resolve("wazo-deb-0.1.0/bin"));
        Files.writeString(unpacked.resolve("wazo-deb"), "#!/bin/sh\n");
        Files.setLastModifiedTime(unpacked.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            assertThat(unpacked.resolve("wazo-deb")).isRegularFile();
        }
    }

    @Test
    void closingRemovesTheStagingItself() throws IOException {
        Path root;
        try (Staging staging = Staging.create(parent, plugin, warnings::add)) {
            root = staging.payload().getParent();
            Files.writeString(staging.payload().resolve("file"), "payload\n");
            assertThat(root.getFileName().toString()).startsWith(Staging.PREFIX);
        }
        assertThat(root).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTemporaryDirectoryInsideThePluginDirectoryIsRefusedAndNotCreated() {
        Path inside = plugin.resolve("tmp/staging");

        assertThatThrownBy(() -> Staging.create(inside, plugin, warnings::add))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plugin.resolve("tmp")).doesNotExist();
    }

    /** A staging folder as a killed build leaves it, with or without its lock file; modified now. */
    private Path leftover(String name, boolean withLock) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(Files.createDirectories(dir.resolve("payload")).resolve("file"), "in use");
        if (withLock) {
            Files.createFile(dir.resolve("lock"));
        }
        return dir;
    }
}
