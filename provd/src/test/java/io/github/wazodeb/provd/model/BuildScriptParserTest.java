package io.github.wazodeb.provd.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.model.Problem;
import org.junit.jupiter.api.Test;

class BuildScriptParserTest {

    @Test
    void readsTargetsTheirRsyncCallsAndWhatNeedsPython() {
        BuildScriptParser.Result result = BuildScriptParser.parse("""
                import os
                @target('null', 'null', std_dirs=False)
                def build_null(path: str) -> None:
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'null/', path])

                @target("zero", 'zero')
                def build_zero(path):
                    os.makedirs(os.path.join(path, 'var/tftpboot'))
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'zero/', path])

                @target('8.7', 'wazo-snom-' '8.7')
                def build_snom(path):
                    check_call(['rsync', '-a', 'common/', path])
                    check_call(['sed', 's/a/b/', 'x.btpl'])
                """, "core/build.py");

        BuildScript script = result.script().orElseThrow();
        assertThat(script.targets()).extracting(TargetDeclaration::pluginId).containsExactly("null", "zero", "wazo-snom-8.7");
        TargetDeclaration nothing = script.targets().get(0);
        assertThat(nothing.standardDirectories()).isFalse();
        assertThat(nothing.recipe()).isEqualTo(new TargetRecipe.Copy(java.util.List.of(new RsyncCall(4, true,
                java.util.List.of(new FilterRule(false, ".*")), java.util.List.of("null/")))));
        assertThat(script.targets().get(1).recipe()).isInstanceOf(TargetRecipe.Script.class)
                .extracting(recipe -> ((TargetRecipe.Script) recipe).reason()).asString().startsWith("line 8:");
        assertThat(((TargetRecipe.Script) script.targets().get(2).recipe()).programs()).containsExactly("rsync", "sed");
    }

    @Test
    void aTargetIdThatIsNotALiteralIsReportedWithItsLine() {
        BuildScriptParser.Result result = BuildScriptParser.parse("""
                VERSION = '1.0'

                @target(VERSION, 'wazo-x-' + VERSION)
                def build(path):
                    pass
                """, "wazo_x/build.py");

        assertThat(result.script()).isEmpty();
        assertThat(result.problems()).extracting(Problem::format)
                .contains("wazo_x/build.py:3: target id must be a non-empty string literal");
    }
}
