package io.github.wazodeb.deb.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.wazodeb.deb.batch.PluginSet.Member;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOrderTest {

    @Test
    void eachPluginComesAfterThePluginsOfTheSetItDependsOn() throws Exception {
        BuildOrder order = BuildOrder.of(set(plugin("acme", "c", "acme/b"), plugin("acme", "b", "acme/a"),
                plugin("acme", "a")));

        assertThat(ids(order)).containsExactly("acme/a", "acme/b", "acme/c");
    }

    @Test
    void pluginsReadyAtOnceGoByNamespaceThenNameWhateverTheOrderGiven() throws Exception {
        List<Member> given = List.of(plugin("zoo", "a"), plugin("acme", "z"), plugin("acme", "b", "zoo/a"));

        assertThat(ids(BuildOrder.of(set(given.toArray(Member[]::new)))))
                .containsExactly("acme/z", "zoo/a", "acme/b");
        assertThat(ids(BuildOrder.of(set(given.get(2), given.get(1), given.get(0)))))
                .containsExactly("acme/z", "zoo/a", "acme/b");
    }

    @Test
    void aDependencyOutsideTheSetDoesNotHoldABuildBack() throws Exception {
        assertThat(ids(BuildOrder.of(set(plugin("acme", "b", "other/elsewhere"), plugin("acme", "a")))))
                .containsExactly("acme/a", "acme/b");
    }

    @Test
    void eachCycleIsOneProblemNamingItsPluginsInOrder() {
        InvalidPluginException failure = catchThrowableOfType(InvalidPluginException.class, () -> BuildOrder.of(set(
                plugin("acme", "a", "acme/b"), plugin("acme", "b", "acme/a"), plugin("acme", "c", "acme/a"),
                plugin("acme", "self", "acme/self"), plugin("acme", "free"))));

        assertThat(failure.problems()).extracting(Problem::format).containsExactly(
                "dirs/a/wazo/plugin.yml: depends forms a cycle: acme/a -> acme/b -> acme/a: no plugin in it can be "
                        + "built before the others",
                "dirs/self/wazo/plugin.yml: depends forms a cycle: acme/self -> acme/self: no plugin in it can be "
                        + "built before the others");
    }

    @Test
    void aDirectoryGivenTwiceCountsOnceAndEachErrorNamesItsDirectory(@TempDir Path work) {
        Path good = PluginFixture.plugin("good").writeTo(work.resolve("good"));
        Path bad = PluginDirectory.write(work.resolve("bad"), "name: bad_name\nnamespace: acme\nversion: \"1\"\n",
                PluginFixture.plugin("bad").rulesScript());
        Path missing = work.resolve("missing");

        InvalidPluginException failure = catchThrowableOfType(InvalidPluginException.class,
                () -> PluginSet.read(List.of(good, work.resolve("good/."), bad, missing)));

        assertThat(failure.problems()).extracting(Problem::file)
                .containsExactly(bad.resolve("wazo/plugin.yml").toString(), missing.toString());
    }

    private static PluginSet set(Member... members) {
        return new PluginSet(List.of(members));
    }

    private static Member plugin(String namespace, String name, String... depends) {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nnamespace: " + namespace + "\nversion: \"1.0\"\n");
        if (depends.length > 0) {
            yaml.append("depends:\n");
            for (String id : depends) {
                String[] parts = id.split("/");
                yaml.append("  - name: ").append(parts[1]).append("\n    namespace: ").append(parts[0]).append('\n');
            }
        }
        try {
            return new Member(Path.of("dirs", name), PluginReader.readYaml(yaml.toString(), PluginReader.PLUGIN_YML)
                    .descriptorOrThrow());
        } catch (InvalidPluginException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<String> ids(BuildOrder order) {
        return order.plugins().stream().map(Member::id).toList();
    }
}
