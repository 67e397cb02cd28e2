package io.github.wazodeb.provd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.testing.ProvdTrees;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd promote} and {@code provd diff} between channel folders. */
class PromoteAndDiffTest {

    @TempDir
    Path work;

    @Test
    void promoteCopiesTheNamedPluginsAndRegeneratesTheIndex() throws Exception {
        Path tree = ProvdTrees.standard(work.resolve("plugins"));
        Path testing = work.resolve("testing");
        Path stable = work.resolve("stable");
        new ChannelBuild(tree, testing, List.of("wazo_beta"), Instant.EPOCH, ProvdListener.SILENT).run();
        new ChannelBuild(tree, testing, List.of("wazo_acme/v1"), Instant.EPOCH, ProvdListener.SILENT).run();

        new Promotion(testing, stable, List.of("wazo-beta-1.0"), ProvdListener.SILENT).run();

        assertThat(Channel.read(stable).index().entries()).containsOnlyKeys("wazo-beta-1.0");
        assertThat(stable.resolve("wazo-beta-1.0-1.0.tar.bz2")).hasSameBinaryContentAs(testing.resolve("wazo-beta-1.0-1.0.tar.bz2"));
        assertThat(Channel.read(stable).index().entries().get("wazo-beta-1.0").sha1sum())
                .isEqualTo(Channel.read(testing).index().entries().get("wazo-beta-1.0").sha1sum());
    }

    @Test
    void promotingAPluginTheChannelDoesNotHaveIsInvalidInput() throws Exception {
        Path testing = work.resolve("testing");
        new ChannelBuild(ProvdTrees.standard(work.resolve("plugins")), testing, List.of("wazo_beta"), Instant.EPOCH,
                ProvdListener.SILENT).run();

        assertThatThrownBy(() -> new Promotion(testing, work.resolve("stable"), List.of("wazo-nope"), ProvdListener.SILENT).run())
                .isInstanceOf(InvalidPluginException.class)
                .hasMessageContaining("\"wazo-nope\" is not a plugin of this channel");
        assertThat(work.resolve("stable")).doesNotExist();
    }

    @Test
    void diffSaysWhatWasAddedRemovedBumpedAndChangedWithoutABump() throws Exception {
        Path tree = ProvdTrees.standard(work.resolve("plugins"));
        Path before = work.resolve("before");
        Path after = work.resolve("after");
        new ChannelBuild(tree, before, List.of("wazo_beta", "wazo_acme/v1", "wazo_acme/v2"), Instant.EPOCH,
                ProvdListener.SILENT).run();
        ProvdTrees.write(tree.resolve("wazo_beta/v1_0/entry.py"), "# Beta 1.0, changed\n");
        ProvdTrees.write(tree.resolve("wazo_acme/v2/plugin-info"), ProvdTrees.pluginInfo("2.0.1", "Acme A2"));
        new ChannelBuild(tree, after, List.of("wazo_beta", "wazo_acme/v2"), Instant.EPOCH, ProvdListener.SILENT).run();
        ProvdTrees.write(tree.resolve("wazo_acme/v1/plugin-info"), "ignored: the plugin is gone");

        assertThat(ChannelDiff.between(before, after)).extracting(ChannelDiff.Difference::description).containsExactly(
                "- wazo-acme-1.0 1.0.9",
                "~ wazo-acme-2.0 2.0.0 -> 2.0.1",
                "! wazo-beta-1.0 1.0: content changed without a version change: entry.py");
    }
}
