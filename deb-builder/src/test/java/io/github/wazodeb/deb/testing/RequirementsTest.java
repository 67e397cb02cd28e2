package io.github.wazodeb.deb.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequirementsTest {

    @Test
    void nothingMissingLetsTheTestRun() {
        assertThatCode(() -> Requirements.abortOrFailIfMissing(List.of(), "1")).doesNotThrowAnyException();
    }

    @Test
    void somethingMissingSkipsTheTest() {
        assertThatThrownBy(() -> Requirements.abortOrFailIfMissing(List.of("no-such-tool is not on PATH"), null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-tool is not on PATH");
    }

    @Test
    void somethingMissingFailsTheTestWhenDpkgIsRequired() {
        assertThatThrownBy(() -> Requirements.abortOrFailIfMissing(List.of("no-such-tool is not on PATH"), "1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-tool is not on PATH")
                .hasMessageContaining("WAZODEB_REQUIRE_DPKG=1");
    }
}
