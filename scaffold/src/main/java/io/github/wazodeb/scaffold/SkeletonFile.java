package io.github.wazodeb.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One file of a new plugin: its template and where it goes. The one list that both {@code wazo-deb new}
 * and the Maven archetype are made from, so the two cannot drift apart.
 */
enum SkeletonFile {
    PLUGIN_YML("plugin.yml", "wazo/plugin.yml", false, Part.PLUGIN),
    RULES("rules", "wazo/rules", true, Part.PLUGIN),
    DIALPLAN("dialplan.conf", "asterisk/@@NAME@@.conf", false, Part.PLUGIN),
    README("README.md", "README.md", false, Part.PLUGIN),
    GITIGNORE("gitignore", ".gitignore", false, Part.PLUGIN),
    POM("pom.xml", "pom.xml", false, Part.MAVEN),
    GITLAB_CI("gitlab-ci.yml", ".gitlab-ci.yml", false, Part.GITLAB),
    GITHUB_WORKFLOW("github-workflow.yml", ".github/workflows/wazo-plugin.yml", false, Part.GITHUB);

    /** Which option brings the file. */
    enum Part { PLUGIN, MAVEN, GITHUB, GITLAB }

    private final String template;
    private final String path;
    private final boolean executable;
    private final Part part;

    SkeletonFile(String template, String path, boolean executable, Part part) {
        this.template = template;
        this.path = path;
        this.executable = executable;
        this.part = part;
    }

    Part part() {
        return part;
    }

    boolean executable() {
        return executable;
    }

    /** The path inside the plugin directory, '/'-separated, placeholders filled. */
    String path(Map<Placeholder, String> values) {
        return Placeholder.fill(path, values);
    }

    /** The template's text, placeholders filled. */
    String text(Map<Placeholder, String> values) {
        return Placeholder.fill(template(), values);
    }

    /** The template's text as written, placeholders open. */
    String template() {
        try (InputStream in = SkeletonFile.class.getResourceAsStream("template/" + template)) {
            if (in == null) {
                throw new IllegalStateException("template/" + template + " is missing from the scaffold jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
