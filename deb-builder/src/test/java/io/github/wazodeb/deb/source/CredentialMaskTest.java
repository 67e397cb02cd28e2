package io.github.wazodeb.deb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialMaskTest {

    @Test
    void aTokenOrAUserAndPasswordInAUrlIsMasked() {
        assertThat(CredentialMask.maskUrl("https://ghp_T0ken@github.com/acme/plugin.git"))
                .isEqualTo("https://***@github.com/acme/plugin.git");
        assertThat(CredentialMask.maskUrl("https://user:p%40ss@git.example.org:8443/a.git"))
                .isEqualTo("https://***@git.example.org:8443/a.git");
        assertThat(CredentialMask.maskUrl("https://user:p@ss@host/a.git")).isEqualTo("https://***@host/a.git");
    }

    @Test
    void urlsWithoutCredentialsAndPathsAreKept() {
        assertThat(CredentialMask.maskUrl("https://github.com/acme/plugin.git")).isEqualTo("https://github.com/acme/plugin.git");
        assertThat(CredentialMask.maskUrl("git@github.com:acme/plugin.git")).isEqualTo("git@github.com:acme/plugin.git");
        assertThat(CredentialMask.maskUrl("/srv/git/plugin.git")).isEqualTo("/srv/git/plugin.git");
        assertThat(CredentialMask.maskUrl("https://host/path/with@sign")).isEqualTo("https://host/path/with@sign");
    }

    @Test
    void theSecretIsMaskedOutsideAUrlTooWrittenOrDecoded() {
        String url = "https://deployer:s3cret%2Fpass@host/a.git";

        assertThat(CredentialMask.mask("fatal: Authentication failed for 'https://deployer:s3cret%2Fpass@host/a.git'\n"
                + "password s3cret%2Fpass or s3cret/pass refused", url))
                .isEqualTo("fatal: Authentication failed for 'https://***@host/a.git'\npassword *** or *** refused");
    }

    @Test
    void aGitSourceShowsItsUrlMaskedAndRefusesOptionLikeValues() {
        GitSource source = GitSource.of("https://T0kenValue@host/a.git").withRef("v1").withSubdirectory("p/");

        assertThat(source).hasToString("https://***@host/a.git at v1 in p");
        assertThat(source.subdirectory()).contains("p");
        assertThatThrownBy(() -> source.withRef("--upload-pack=touch")).hasMessageContaining("not starting with '-'");
        assertThatThrownBy(() -> source.withSubdirectory("../outside")).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> source.withSubdirectory("/etc")).hasMessageContaining("relative path");
        assertThatThrownBy(() -> GitSource.of("-oProxyCommand=x")).hasMessageContaining("not starting with '-'");
        assertThatThrownBy(() -> GitSource.of("https://T0kenValue@host/a\n.git"))
                .hasMessageContaining("https://***@host/a").hasMessageNotContaining("T0kenValue");
        assertThat(source.withSubdirectory(".").subdirectory()).isEmpty();
    }
}
