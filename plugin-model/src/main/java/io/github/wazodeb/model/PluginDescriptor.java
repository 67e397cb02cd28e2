package io.github.wazodeb.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code wazo/plugin.yml}. Only {@link PluginReader} makes these from files; every value has
 * passed the rules of the packaging contract.
 *
 * @param name matches {@code ^[a-z0-9-]+$}
 * @param namespace matches {@code ^[a-z0-9]+$}
 * @param version the literal text of the YAML scalar, a valid Debian version
 * @param description the plugin's description, if any
 * @param pluginFormatVersion 0, 1 or 2
 * @param depends other plugins, in file order
 * @param debianDepends Debian relations, in file order
 * @param minWazoVersion literal text, if any
 * @param maxWazoVersion literal text, if any
 * @param otherKeys every other top-level key with its value as YAML read it, in file order, unmodifiable
 */
public record PluginDescriptor(
        String name,
        String namespace,
        String version,
        Optional<String> description,
        int pluginFormatVersion,
        List<PluginDependency> depends,
        List<DebianRelation> debianDepends,
        Optional<String> minWazoVersion,
        Optional<String> maxWazoVersion,
        Map<String, Object> otherKeys) {

    public PluginDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(minWazoVersion, "minWazoVersion");
        Objects.requireNonNull(maxWazoVersion, "maxWazoVersion");
        depends = List.copyOf(depends);
        debianDepends = List.copyOf(debianDepends);
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
    }

    /*
     * equals and hashCode are written out with the meaning of the generated ones (every component, in
     * order; HandWrittenEqualsTest holds them to it). A record's generated methods are bootstrapped through
     * method handles on their first call, which Java 17's class-data sharing cannot keep: the package
     * command's one comparison (the shipped plugin.yml against the validated one) spent 40-60 ms of a
     * small plugin's run there.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PluginDescriptor that
                && name.equals(that.name)
                && namespace.equals(that.namespace)
                && version.equals(that.version)
                && description.equals(that.description)
                && pluginFormatVersion == that.pluginFormatVersion
                && depends.equals(that.depends)
                && debianDepends.equals(that.debianDepends)
                && minWazoVersion.equals(that.minWazoVersion)
                && maxWazoVersion.equals(that.maxWazoVersion)
                && otherKeys.equals(that.otherKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, version, description, pluginFormatVersion, depends, debianDepends,
                minWazoVersion, maxWazoVersion, otherKeys);
    }

    /** {@code wazo-plugind-<name>-<namespace>}: the package wazo-plugind would build. */
    public String debianPackageName() {
        return debianPackageName(name, namespace);
    }

    /** Whether wazo-plugind calls {@code rules postrm} on removal: from format 1 on. */
    public boolean hasPostrmStep() {
        return pluginFormatVersion >= 1;
    }

    static String debianPackageName(String name, String namespace) {
        return "wazo-plugind-" + name + "-" + namespace;
    }
}
