package io.github.wazodeb.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchetypeResourcesTest {

    @TempDir
    Path out;

    @Test
    void everythingButThePlaceholdersIsVerbatimForVelocity() {
        String template = "#!/bin/sh\n# @@NAME@@ by @@NAMESPACE@@\ncp x \"${pkgdir}/@@NAME@@\" ## ${{ secrets.K }}\n";

        assertThat(ArchetypeResources.velocityTemplate(template)).isEqualTo(
                "#[[#!/bin/sh\n# ]]#${pluginName}#[[ by ]]#${pluginNamespace}#[[\ncp x \"${pkgdir}/]]#${pluginName}#[["
                        + "\" ## ${{ secrets.K }}\n]]#");
    }

    @Test
    void aTemplateThatWouldEndTheVerbatimBlockIsRefused() {
        assertThatThrownBy(() -> ArchetypeResources.velocityTemplate("echo ]]# oops"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everySkeletonFileBecomesAnArchetypeResourceWithTheDescriptorAndScript() throws Exception {
        ArchetypeResources.write(out);

        assertThat(out.resolve("archetype-resources/wazo/rules")).content().startsWith("#[[#!/bin/sh");
        assertThat(out.resolve("archetype-resources/asterisk/__pluginName__.conf")).exists();
        assertThat(out.resolve("archetype-resources/gitignore")).exists();
        assertThat(out.resolve("archetype-resources/.github/workflows/wazo-plugin.yml")).exists();
        assertThat(out.resolve("META-INF/maven/archetype-metadata.xml")).content().contains("pluginNamespace");
        assertThat(out.resolve("META-INF/archetype-post-generate.groovy")).exists();
        try (var files = Files.walk(out.resolve("archetype-resources"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(SkeletonFile.values().length);
        }
    }

    @Test
    void aPlaceholderWithoutAValueIsABugNotAnEmptyString() {
        assertThatThrownBy(() -> Placeholder.fill("@@NAME@@ @@NAMESPACE@@", Map.of(Placeholder.NAME, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@@NAMESPACE@@");
    }
}
