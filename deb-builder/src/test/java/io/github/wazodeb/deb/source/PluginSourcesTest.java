package io.github.wazodeb.deb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.wazodeb.deb.testing.GitRepository;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkout's private folder: what is in it, and that it goes away whatever happens. */
class PluginSourcesTest {

    @TempDir
    Path work;

    private Path temp;
    private Path bare;
    private String commit;

    @BeforeEach
    void repository() {
        Requirements.assumeAvailable(Requirement.GIT);
        GitRepository repository = GitRepository.init(work.resolve("source"));
        PluginFixture.plugin("hello").writeTo(repository.workTree());
        commit = repository.commitAll("hello");
        bare = repository.bareClone(work.resolve("hello.git"));
        temp = work.resolve("tmp");
    }

    @Test
    void theCheckoutHoldsTheCommittedTreeAndNothingOfTheUrl() throws Exception {
        try (SourceCheckout checkout = PluginSources.checkout(GitSource.of("file://" + bare), temp)) {
            assertThat(checkout.commit()).isEqualTo(commit);
            assertThat(checkout.directory().resolve("wazo/rules")).isExecutable();
            assertThat(checkout.directory().resolve(".git/FETCH_HEAD")).doesNotExist();
            try (Stream<Path> files = Files.walk(checkout.directory())) {
                assertThat(files.filter(Files::isRegularFile))
                        .noneMatch(file -> new String(readAllBytes(file), StandardCharsets.ISO_8859_1).contains("hello.git"));
            }
            assertThat(checkout.directory()).startsWith(temp.toRealPath());
        }
        assertThat(temp).isEmptyDirectory();
    }

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFailedFetchLeavesNothingBehind() {
        GitSourceException failure = catchThrowableOfType(GitSourceException.class,
                () -> PluginSources.checkout(GitSource.of(bare.toString()).withRef("no-such-branch"), temp));

        assertThat(failure.reason()).isEqualTo(GitSourceException.Reason.FETCH_FAILED);
        assertThat(failure).hasMessageContaining("no-such-branch");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void anInterruptedCheckoutStopsGitAndLeavesNothingBehind() {
        Thread.currentThread().interrupt();
        GitSourceException failure;
        try {
            failure = catchThrowableOfType(GitSourceException.class,
                    () -> PluginSources.checkout(GitSource.of(bare.toString()), temp));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }

        assertThat(failure.reason()).isEqualTo(GitSourceException.Reason.CANCELLED);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aSubdirectoryThatLinksOutOfTheTreeIsRefused() throws Exception {
        GitRepository repository = GitRepository.init(work.resolve("linked"));
        PluginFixture.plugin("hello").writeTo(repository.workTree().resolve("real"));
        Files.createSymbolicLink(repository.workTree().resolve("out"), work);
        repository.commitAll("a link out");

        GitSourceException failure = catchThrowableOfType(GitSourceException.class, () -> PluginSources.checkout(
                GitSource.of(repository.workTree().toString()).withSubdirectory("out/source"), temp));

        assertThat(failure.isInvalidInput()).isTrue();
        assertThat(failure).hasMessageStartingWith("subdirectory \"out/source\" is not a directory in ");
        assertThat(temp).isEmptyDirectory();
    }
}
