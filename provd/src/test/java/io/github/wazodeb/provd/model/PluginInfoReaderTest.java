package io.github.wazodeb.provd.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.model.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A plugin-info's syntax errors are reported at the line a person must change. */
class PluginInfoReaderTest {

    @Test
    void aMissingCommaIsReportedOnTheLineThatNeedsIt() {
        assertThat(firstProblem("{\n  \"version\": \"1.0\"\n  \"description\": \"x\",\n  \"capabilities\": {}\n}\n"))
                .startsWith("plugin-info:2: is not valid JSON: ");
    }

    @Test
    void aCommaBeforeAClosingBraceIsReportedOnItsLine() {
        assertThat(firstProblem("{\n  \"version\": \"1.0\",\n  \"description\": \"x\",\n  \"capabilities\": {},\n}\n"))
                .startsWith("plugin-info:4: is not valid JSON: ");
    }

    @Test
    void aMistakeAfterACommaIsReportedWhereItIs() {
        assertThat(firstProblem("{\n  \"version\": \"1.0\",\n  description\": \"x\",\n  \"capabilities\": {}\n}\n"))
                .startsWith("plugin-info:3: is not valid JSON: ");
        assertThat(firstProblem("{\n  \"version\": \"1.0\",\n  \"description\": tru,\n  \"capabilities\": {}\n}\n"))
                .startsWith("plugin-info:3: is not valid JSON: ");
    }

    private static String firstProblem(String json) {
        return PluginInfoReader.read(json.getBytes(StandardCharsets.UTF_8), "plugin-info").problems().stream()
                .map(Problem::format).findFirst().orElse("no problem");
    }
}
