package io.github.wazodeb.provd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.provd.content.ContentEntry;
import io.github.wazodeb.provd.content.ExternalLinks;
import io.github.wazodeb.provd.content.PluginContent;
import io.github.wazodeb.provd.content.ScriptTarget;
import io.github.wazodeb.provd.model.TargetRecipe;
import io.github.wazodeb.provd.testing.ProvdTrees;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each copy-only target built in-process holds exactly what the real rsync, run by its build.py, copies. */
class CopyTargetMatchesRsyncTest {

    @TempDir
    Path work;

    @Test
    void everyCopyOnlyTargetEqualsWhatRsyncCopies() throws Exception {
        Requirements.assumeAvailable(Requirement.RSYNC, Requirement.PYTHON3);
        ProvdTree tree = ProvdTree.read(ProvdTrees.standard(work));
        List<ProvdTree.Target> copyTargets = tree.targets(List.of()).stream()
                .filter(target -> target.declaration().recipe() instanceof TargetRecipe.Copy).toList();
        assertThat(copyTargets).extracting(target -> target.declaration().pluginId())
                .containsExactly("wazo-acme-1.0", "wazo-acme-2.0", "wazo-beta-1.0");

        for (ProvdTree.Target target : copyTargets) {
            PluginContent inProcess = new PluginBuilder(ProvdListener.SILENT, false).content(target);
            PluginContent byRsync = ScriptTarget.build(target.family().folder(), target.family().name(),
                    target.declaration(), new TargetRecipe.Script("compared with rsync", List.of("rsync")),
                    new ExternalLinks(false), ProvdListener.SILENT);

            assertThat(inProcess.changesSince(byRsync)).as(target.name()).isEmpty();
            assertThat(paths(inProcess)).as(target.name()).isEqualTo(paths(byRsync));
        }
    }

    @Test
    void theRulesKeepWhatTheyIncludeAndDropDotFilesExcludedFoldersAndSkippedLinks() throws Exception {
        ProvdTree tree = ProvdTree.read(ProvdTrees.standard(work));
        PluginBuilder builder = new PluginBuilder(ProvdListener.SILENT, false);
        PluginContent v1 = builder.content(tree.targets(List.of("wazo_acme/v1")).get(0));
        PluginContent v2 = builder.content(tree.targets(List.of("wazo-acme-2.0")).get(0));

        assertThat(paths(v1)).containsExactly("bin", "bin/tool.sh", "common.py", "current", "docs", "entry.py",
                "pkgs", "pkgs/pkgs.db", "plugin-info", "templates", "templates/A1-extra.tpl", "templates/A1.tpl",
                "templates/base.tpl", "var", "var/cache", "var/installed", "var/templates", "var/tftpboot",
                "var/tftpboot/acme.cfg");
        assertThat(v1.entry("templates/A1.tpl").orElseThrow().data()).asString().isEqualTo("A1 from v1\n");
        assertThat(v1.entry("templates/A1.tpl").orElseThrow().origin()).isEqualTo("wazo_acme/v1/templates/A1.tpl");
        assertThat(v1.entry("bin/tool.sh").orElseThrow().executable()).isTrue();
        assertThat(v1.entry("current").orElseThrow().linkTarget()).isEqualTo("templates");
        assertThat(paths(v2)).contains("templates/latest.tpl", "templates/A2.tpl", "build/out.o", "docs/guide/intro.md")
                .doesNotContain("templates/A1.tpl", "templates/A1-extra.tpl", "skipped-link", "templates/.hidden.tpl");
        assertThat(v2.entry("templates/latest.tpl").orElseThrow().type()).isEqualTo(ContentEntry.Type.SYMLINK);
    }

    private static List<String> paths(PluginContent content) {
        return content.entries().stream().map(entry -> entry.path() + (entry.type() == ContentEntry.Type.SYMLINK
                ? " -> " + entry.linkTarget() : "")).map(line -> line.replaceAll(" -> .*", "")).toList();
    }
}
