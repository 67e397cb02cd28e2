package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.source.GitSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitParametersTest {

    @Test
    void noUrlMeansThePluginDirectoryIsBuilt() throws Exception {
        assertThat(new GitParameters(null, null, null).toGitSource()).isEmpty();
        assertThat(new GitParameters(" ", "", null).toGitSource()).isEmpty();
    }

    @Test
    void theThreeParametersMakeOneGitSource() throws Exception {
        assertThat(new GitParameters("https://host/a.git", " v1.0 ", "plugins/hello").toGitSource())
                .contains(new GitSource("https://host/a.git", Optional.of("v1.0"), Optional.of("plugins/hello")));
        assertThat(new GitParameters("/srv/a.git", null, " ").toGitSource()).contains(GitSource.of("/srv/a.git"));
    }

    @Test
    void aRefOrSubdirectoryWithoutAUrlNamesTheParameterToSet() {
        assertThatThrownBy(() -> new GitParameters(null, "v1.0", null).toGitSource())
                .hasMessage("Parameter <gitRef> (property wazo.gitRef) is \"v1.0\": it needs <gitUrl> (property wazo.gitUrl)");
        assertThatThrownBy(() -> new GitParameters("", null, "hello").toGitSource())
                .hasMessageStartingWith("Parameter <gitSubdirectory> (property wazo.gitSubdirectory)");
    }

    @Test
    void aValueGitCouldReadAsAnOptionIsRefusedWithTheUrlMasked() {
        assertThatThrownBy(() -> new GitParameters("https://T0kenValue@host/a.git", "--upload-pack=x", null).toGitSource())
                .isInstanceOf(ParameterException.class).hasMessageContaining("not starting with '-'");
        assertThatThrownBy(() -> new GitParameters("-oProxyCommand=x", null, null).toGitSource())
                .isInstanceOf(ParameterException.class);
    }
}
