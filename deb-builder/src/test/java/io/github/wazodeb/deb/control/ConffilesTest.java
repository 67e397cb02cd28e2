package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConffilesTest {

    @Test
    void noPathsMeansNoMember() {
        assertThat(Conffiles.of(List.of())).isEmpty();
    }

    @Test
    void listsOnePathPerLineInTheGivenOrder() {
        assertThat(Conffiles.of(List.of("/etc/b.conf", "/etc/a dir/a.conf")))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                        .isEqualTo("/etc/b.conf\n/etc/a dir/a.conf\n"));
    }

    @Test
    void refusesPathsDpkgWouldMisread() {
        for (String bad : List.of("etc/relative", "/", "/etc/dir/", " /etc/padded", "/etc/padded ", "/etc//twice",
                "/etc/./here", "/etc/../up", "/etc/a\nremove-on-upgrade /etc/b", "/etc/tab\there")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Conffiles.of(List.of(bad)))
                    .withMessageContaining("conffile");
        }
    }

    @Test
    void refusesAPathGivenTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> Conffiles.of(List.of("/etc/a", "/etc/b", "/etc/a")))
                .withMessageContaining("listed twice");
    }
}
