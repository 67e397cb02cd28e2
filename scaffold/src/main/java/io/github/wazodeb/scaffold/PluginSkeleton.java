package io.github.wazodeb.scaffold;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code wazo-deb new} is asked for: the plugin's name and namespace, and which optional files to write
 * beside the plugin itself.
 *
 * @param name the plugin's name, as in plugin.yml
 * @param namespace the plugin's namespace, as in plugin.yml
 * @param maven whether to write a {@code pom.xml} that runs {@code wazo:package}
 * @param ci the CI services to write a pipeline for
 */
public record PluginSkeleton(String name, String namespace, boolean maven, Set<CiSystem> ci) {

    /** The version a new plugin starts at, in plugin.yml and in the pom. */
    public static final String FIRST_VERSION = "0.1.0";

    public PluginSkeleton {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        ci = ci.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ci));
    }

    /** Whether the skeleton holds this file. */
    boolean includes(SkeletonFile file) {
        return switch (file.part()) {
            case PLUGIN -> true;
            case MAVEN -> maven;
            case GITHUB -> ci.contains(CiSystem.GITHUB);
            case GITLAB -> ci.contains(CiSystem.GITLAB);
        };
    }

    /** The values of the templates' placeholders for this plugin. */
    Map<Placeholder, String> values() {
        return Map.of(
                Placeholder.NAME, name,
                Placeholder.NAMESPACE, namespace,
                Placeholder.VERSION, FIRST_VERSION,
                Placeholder.GROUP_ID, "wazo.plugins." + namespace,
                Placeholder.ARTIFACT_ID, name,
                Placeholder.WAZO_DEB_VERSION, WazoDebVersion.current());
    }
}
