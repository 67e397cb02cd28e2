package io.github.wazodeb.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Another plugin this one needs, from a {@code depends} entry. The version, when given, is kept but not
 * turned into a Debian version constraint (wazo-plugind does not either).
 */
public record PluginDependency(String name, String namespace, Optional<String> version) {

    public PluginDependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(version, "version");
    }

    // Written out for start-up, as PluginDescriptor's are (the reason is there).
    @Override
    public boolean equals(Object other) {
        return other instanceof PluginDependency that
                && name.equals(that.name) && namespace.equals(that.namespace) && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, version);
    }

    /** The Debian package wazo-plugind builds for that plugin: {@code wazo-plugind-<name>-<namespace>}. */
    public String debianPackageName() {
        return PluginDescriptor.debianPackageName(name, namespace);
    }
}
