package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd check}'s messages name the tree's files, for targets built in-process and through python3 alike. */
class ProvdCheckMessagesIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    ProvdTreeFixture tree;

    @BeforeEach
    void writeTreeWithAScriptFamily() throws Exception {
        tree = ProvdTreeFixture.acme(work.resolve("plugins"));
        tree.write("wazo_snap/build.py", """
                from pathlib import Path
                from subprocess import check_call


                @target('8.7', 'wazo-snap-8.7')
                def build_8_7(path):
                    check_call(['rsync', '-rlp', '--exclude', '.*', '--exclude', '*.btpl', 'common/', path])
                    for model in ('300', '320'):
                        template = Path('common/templates/model.tpl.btpl').read_text()
                        Path(path, 'templates', f'snap{model}.tpl').write_text(template.replace('#MODEL#', model))
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'v8_7/', path])
                """);
        tree.write("wazo_snap/common/templates/base.tpl", "base\n");
        tree.write("wazo_snap/common/templates/model.tpl.btpl", "model #MODEL#\n");
        tree.write("wazo_snap/v8_7/plugin-info", ProvdTreeFixture.info("8.7.1"));
        tree.write("wazo_snap/v8_7/entry.py", "# snap\n");
        assertThat(CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "stable").exitCode()).isZero();
    }

    @Test
    void aScriptTargetsChangesAreNamedByTheTreesFiles() throws Exception {
        tree.write("wazo_snap/common/templates/base.tpl", "base, fixed\n");
        tree.write("wazo_snap/common/templates/model.tpl.btpl", "model #MODEL#, fixed\n");

        CliRun check = CliRun.wazoDeb(work, EPOCH, "provd", "check", "plugins", "--against", "stable");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
        assertThat(check.err()).contains("wazo_snap/v8_7/plugin-info:2: version \"8.7.1\" must be higher than 8.7.1"
                + " (in stable): wazo-snap-8.7 changed: wazo_snap/common/templates/base.tpl,"
                + " templates/snap300.tpl (written by wazo_snap/build.py),"
                + " templates/snap320.tpl (written by wazo_snap/build.py)");
    }

    @Test
    void aPkgsDbIsCheckedEvenWhenItsPluginInfoIsWrongAndJsonMistakesAreReportedWhereTheyAre() throws Exception {
        tree.write("wazo_acme/v1/plugin-info", "{\n  \"version\": \"1.0.9\"\n  \"description\": \"Acme\",\n"
                + "  \"capabilities\": {}\n}\n");
        tree.write("wazo_acme/v1/pkgs/pkgs.db", ProvdTreeFixture.PKGS_DB + "\n[install_unused]\na-b: unzip $FILE1\n");

        CliRun check = CliRun.wazoDeb(work, EPOCH, "provd", "check", "plugins", "--against", "stable");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
        assertThat(check.err()).contains("wazo_acme/v1/plugin-info:2: is not valid JSON: ")
                .contains("wazo_acme/v1/pkgs/pkgs.db:16: [install_unused] is used by no pkg_ section's install");
    }
}
