package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.DebianRelation;
import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code control} file of a plugin's package, with its fields in the order dpkg-gencontrol writes
 * them. Immutable; made only by {@link #of}, which refuses (with {@link IllegalArgumentException}) any
 * value that could break out of its field.
 */
public final class ControlFile {

    /** The section wazo-plugind looks for to list the plugins it installed. */
    public static final String SECTION = "wazo-plugind-plugin";

    private final Map<String, String> fields;
    private final String text;

    private ControlFile(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        this.text = out.toString();
    }

    /**
     * The control file for the plugin's package.
     *
     * @param plugin a validated descriptor
     * @param maintainer the {@code Maintainer} field, one line
     * @param installedSizeKiB the payload's size as dpkg counts it, in KiB
     */
    public static ControlFile of(PluginDescriptor plugin, String maintainer, long installedSizeKiB) {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(maintainer, "maintainer");
        ControlValues.requireValidIdentity(plugin);
        if (installedSizeKiB < 0) {
            throw new IllegalArgumentException("Installed-Size must not be negative, not " + installedSizeKiB);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Package", plugin.debianPackageName());
        fields.put("Version", ControlValues.requireSingleLine("Version", plugin.version()));
        fields.put("Architecture", "all");
        fields.put("Maintainer", ControlValues.requireSingleLine("Maintainer", maintainer));
        fields.put("Installed-Size", Long.toString(installedSizeKiB));
        String depends = depends(plugin);
        if (!depends.isEmpty()) {
            fields.put("Depends", depends);
        }
        fields.put("Section", SECTION);
        fields.put("Priority", "optional");
        fields.put("Description", DescriptionField.value(plugin));
        return new ControlFile(fields);
    }

    /** Debian relations first, then the plugins depended on; the first of equal entries is kept. */
    private static String depends(PluginDescriptor plugin) {
        Set<String> relations = new LinkedHashSet<>();
        for (DebianRelation relation : plugin.debianDepends()) {
            relations.add(ControlValues.requireSingleLine("Depends entry", relation.text()));
        }
        for (PluginDependency dependency : plugin.depends()) {
            ControlValues.requireIdentity(dependency.name(), dependency.namespace());
            relations.add(dependency.debianPackageName());
        }
        return String.join(", ", relations);
    }

    /** The fields in file order; a multi-line value as it appears after {@code "Field: "}. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The complete control file; it ends with exactly one {@code '\n'}. */
    public String text() {
        return text;
    }

    /** {@link #text()} in UTF-8, as dpkg reads it. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ControlFile that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
