package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.DebianRelation;
import io.github.wazodeb.model.DebianVersion;
import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.report.ProblemList;
import io.github.wazodeb.model.yaml.NumberReading;
import io.github.wazodeb.model.yaml.PlainValues;
import io.github.wazodeb.model.yaml.Position;
import io.github.wazodeb.model.yaml.ScalarKind;
import io.github.wazodeb.model.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a plugin.yml's node tree against section 1 of the packaging contract and builds the
 * descriptor when nothing is wrong. Every problem is reported, not only the first. Internal to
 * plugin-model.
 */
public final class DescriptorValidator {

    static final String NAME_RULE = "must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')";
    static final String NAMESPACE_RULE = "must match ^[a-z0-9]+$ (lower-case letters and digits, no '-')";
    static final String VERSION_TEXT_RULE = "must be a version: not empty, without spaces or control characters";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+");
    private static final Set<String> DEPENDS_KEYS = Set.of("name", "namespace", "version");
    private static final Set<String> KNOWN_KEYS = Set.of("name", "namespace", "version", "description",
            "plugin_format_version", "depends", "debian_depends", "min_wazo_version", "max_wazo_version");

    private final ProblemList problems;

    private DescriptorValidator(ProblemList problems) {
        this.problems = problems;
    }

    /** The descriptor, present exactly when {@code problems} holds no error afterwards. */
    public static Optional<PluginDescriptor> validate(YamlNode root, ProblemList problems) {
        return new DescriptorValidator(problems).descriptor(root);
    }

    private Optional<PluginDescriptor> descriptor(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            if (!(root instanceof YamlNode.Rejected)) {
                problems.error(root.position(), "", null, "the document is " + root.description()
                        + ", not a mapping: write name: ..., namespace: ... and version: ... at the top level");
            }
            return Optional.empty();
        }
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        mapping.entries().forEach(entry -> keys.put(entry.key(), entry.value()));

        Optional<String> name = required(keys, "name").flatMap(node -> name(node, "name"));
        Optional<String> namespace = required(keys, "namespace").flatMap(node -> namespace(node, "namespace"));
        Optional<String> version = required(keys, "version").flatMap(this::version);
        Optional<String> description = Optional.ofNullable(keys.get("description")).flatMap(this::description);
        Optional<Integer> format = keys.containsKey("plugin_format_version")
                ? optional(keys, "plugin_format_version").flatMap(this::formatVersion)
                : Optional.of(0);
        List<PluginDependency> depends = optional(keys, "depends").map(node -> depends(node, format)).orElse(List.of());
        List<DebianRelation> debianDepends = debianDependsValue(keys).map(this::debianDepends).orElse(List.of());
        Optional<String> minWazo = optional(keys, "min_wazo_version").flatMap(node -> wazoVersion(node, "min_wazo_version"));
        Optional<String> maxWazo = optional(keys, "max_wazo_version").flatMap(node -> wazoVersion(node, "max_wazo_version"));
        Map<String, Object> otherKeys = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!KNOWN_KEYS.contains(entry.key())) {
                PlainValues.of(entry.value(), entry.key(), problems)
                        .ifPresent(held -> otherKeys.put(entry.key(), held.value()));
            }
        }
        ServableValues.check(mapping, "", problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PluginDescriptor(name.orElseThrow(), namespace.orElseThrow(), version.orElseThrow(),
                description, format.orElseThrow(), depends, debianDepends, minWazo, maxWazo, otherKeys));
    }

    private Optional<YamlNode> required(Map<String, YamlNode> keys, String key) {
        return required(keys, key, key);
    }

    private Optional<YamlNode> required(Map<String, YamlNode> keys, String key, String path) {
        YamlNode node = keys.get(key);
        if (node == null) {
            problems.error(Position.NONE, path, null, "is required");
            return Optional.empty();
        }
        return valued(node, path, "give it a value");
    }

    private Optional<YamlNode> optional(Map<String, YamlNode> keys, String key) {
        return optional(keys, key, key);
    }

    /** Absent is fine; present without a value is not, as wazo-plugind's schema refuses null there. */
    private Optional<YamlNode> optional(Map<String, YamlNode> keys, String key, String path) {
        YamlNode node = keys.get(key);
        return node == null ? Optional.empty() : valued(node, path, "give it a value or remove the key");
    }

    private Optional<YamlNode> valued(YamlNode node, String path, String fix) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.NULL) {
            problems.error(scalar.position(), path, scalar.text().isEmpty() ? null : scalar.text(),
                    "has no value (YAML reads it as null): " + fix);
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private Optional<String> name(YamlNode node, String path) {
        return string(node, path).filter(text -> matches(NAME, text, node, path, NAME_RULE));
    }

    private Optional<String> namespace(YamlNode node, String path) {
        return string(node, path).filter(text -> matches(NAMESPACE, text, node, path, NAMESPACE_RULE));
    }

    /**
     * The literal text, a valid Debian version. An unquoted decimal is kept as written, with a warning, only
     * where Python prints YAML's reading back the same ({@code 1.0}): elsewhere wazo-plugind would package the
     * reading ({@code 1.10} as {@code 1.1}, which dpkg orders before {@code 1.9}). An unquoted integer is
     * refused: wazo-plugind's market listing fails on it, and every install of the same version rebuilds it.
     */
    private Optional<String> version(YamlNode node) {
        Optional<YamlNode.Scalar> scalar = scalar(node, "version");
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Scalar value = scalar.get();
        String text = value.text();
        if (value.kind() == ScalarKind.STRING) {
            return debianVersion(text, value);
        }
        Optional<String> reading = NumberReading.asPythonText(value);
        if (reading.isEmpty()) {
            notAString(value, "version");
            return Optional.empty();
        }
        return debianVersion(text, value).filter(valid -> {
            if (!reading.get().equals(text)) {
                problems.error(value.position(), "version", text, "is read by YAML as the number " + reading.get()
                        + ", which wazo-plugind would package instead: " + Quoting.quoteIt("version", text));
                return false;
            }
            if (value.kind() == ScalarKind.INT) {
                problems.error(value.position(), "version", text, "is read by YAML as an integer, which wazo-plugind's "
                        + "market listing cannot serve, and every install of the same version rebuilds the plugin: "
                        + Quoting.quoteIt("version", text));
                return false;
            }
            problems.warning(value.position(), "version", text, "is read by YAML as a number (wazo-plugind turns it "
                    + "back into the same text): " + Quoting.quoteIt("version", text));
            return true;
        });
    }

    private Optional<String> debianVersion(String text, YamlNode node) {
        Optional<String> problem = DebianVersion.problem(text);
        problem.ifPresent(why -> problems.error(node.position(), "version", text, "is not a valid Debian version: " + why));
        return problem.isEmpty() ? Optional.of(text) : Optional.empty();
    }

    /** Versions kept only as metadata: any text a control file or script could not be broken by. */
    private Optional<String> versionText(String text, YamlNode node, String path) {
        boolean ok = !text.isEmpty() && text.codePoints()
                .noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp));
        if (!ok) {
            problems.error(node.position(), path, text, VERSION_TEXT_RULE);
        }
        return ok ? Optional.of(text) : Optional.empty();
    }

    /**
     * The literal text: an unquoted number keeps it ({@code 20.10} stays {@code 20.10}), with a warning
     * where YAML, and so wazo-plugind, reads another number.
     */
    private Optional<String> wazoVersion(YamlNode node, String key) {
        Optional<YamlNode.Scalar> scalar = scalar(node, key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Scalar value = scalar.get();
        if (value.kind() == ScalarKind.STRING) {
            return versionText(value.text(), value, key);
        }
        Optional<String> reading = NumberReading.asPythonText(value);
        if (reading.isEmpty()) {
            notAString(value, key);
            return Optional.empty();
        }
        if (!reading.get().equals(value.text())) {
            problems.warning(value.position(), key, value.text(), "is read by YAML and wazo-plugind as " + reading.get()
                    + "; wazo-deb keeps the text as written: " + Quoting.quoteIt(key, value.text()));
        }
        return versionText(value.text(), value, key);
    }

    /**
     * The text of a string description. wazo-plugind never reads {@code description}, so any other value is
     * only a warning (wazo-deb then writes a generated description), unless it cannot be served at all.
     */
    private Optional<String> description(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.STRING)) {
            warnAboutDescription(node);
            return Optional.empty();
        }
        return Optional.of(scalar.text()).filter(text -> {
            boolean ok = text.codePoints().noneMatch(cp -> cp != '\n' && Character.isISOControl(cp));
            if (!ok) {
                problems.error(node.position(), "description", text,
                        "must not contain control characters other than line breaks");
            }
            return ok;
        }).filter(text -> !text.isBlank());
    }

    private void warnAboutDescription(YamlNode node) {
        String generated = "wazo-plugind never reads description, and wazo-deb writes a generated one";
        if (node instanceof YamlNode.Scalar scalar) {
            if (scalar.kind() == ScalarKind.NULL) {
                problems.warning(scalar.position(), "description", scalar.text().isEmpty() ? null : scalar.text(),
                        "has no value (YAML reads it as null): " + generated + "; give it a value or remove the key");
            } else if (ServableValues.whyNot(scalar).isEmpty()) { // else refused as unservable
                problems.warning(scalar.position(), "description", scalar.text(), "is not a string: YAML reads it as "
                        + scalar.kind().description() + "; " + generated + ": " + Quoting.quoteIt("description", scalar.text()));
            }
        } else if (!(node instanceof YamlNode.Rejected)) {
            problems.warning(node.position(), "description", null, "is not a string but " + node.description() + "; "
                    + generated + ": write it as one string");
        }
    }

    /**
     * The debian_depends node, when it has a value. Without one, wazo-plugind still builds the plugin when it
     * has no depends (it only appends to the list for those): a warning then, an error with depends.
     */
    private Optional<YamlNode> debianDependsValue(Map<String, YamlNode> keys) {
        YamlNode node = keys.get("debian_depends");
        if (!keys.containsKey("depends") && node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.NULL) {
            problems.warning(scalar.position(), "debian_depends", scalar.text().isEmpty() ? null : scalar.text(),
                    "has no value (YAML reads it as null): wazo-plugind builds the plugin without dependencies, but "
                            + "fails once depends is given too: give it a list or remove the key");
            return Optional.empty();
        }
        return optional(keys, "debian_depends");
    }

    private Optional<Integer> formatVersion(YamlNode node) {
        String rule = "must be the integer 0, 1 or 2";
        if (!(node instanceof YamlNode.Scalar scalar)) {
            reportType(node, "plugin_format_version", rule);
            return Optional.empty();
        }
        if (scalar.kind() != ScalarKind.INT) {
            String hint = scalar.kind() == ScalarKind.STRING ? ", written without quotes" : "";
            problems.error(scalar.position(), "plugin_format_version", scalar.text(), rule + hint);
            return Optional.empty();
        }
        Optional<Object> value = PlainValues.integer(scalar.text());
        if (value.isPresent() && value.get() instanceof Long number && number >= 0 && number <= 2) {
            return Optional.of(number.intValue());
        }
        problems.error(scalar.position(), "plugin_format_version", scalar.text(), rule);
        return Optional.empty();
    }

    /** {@code format} is empty when plugin_format_version is invalid (already reported). */
    private List<PluginDependency> depends(YamlNode node, Optional<Integer> format) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            reportType(node, "depends", "must be a list of mappings, each with name and namespace");
            return List.of();
        }
        List<PluginDependency> depends = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            dependency(sequence.items().get(i), "depends[" + i + "]", format).ifPresent(depends::add);
        }
        return depends;
    }

    private Optional<PluginDependency> dependency(YamlNode node, String path, Optional<Integer> format) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            reportType(node, path, "must be a mapping with name and namespace");
            return Optional.empty();
        }
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            keys.put(entry.key(), entry.value());
            if (!DEPENDS_KEYS.contains(entry.key())) {
                problems.warning(entry.keyPosition(), path + "." + entry.key(), null,
                        "is not a key of a depends entry (name, namespace, version) and is ignored");
            }
        }
        Optional<String> name = required(keys, "name", path + ".name").flatMap(n -> name(n, path + ".name"));
        Optional<String> namespace = required(keys, "namespace", path + ".namespace")
                .flatMap(n -> namespace(n, path + ".namespace"));
        String versionPath = path + ".version";
        boolean hasVersion = keys.containsKey("version");
        Optional<String> version = optional(keys, "version", versionPath)
                .flatMap(n -> string(n, versionPath).flatMap(text -> versionText(text, n, versionPath)));
        if (version.isPresent() && format.isPresent() && format.get() < 2) {
            problems.warning(keys.get("version").position(), versionPath, version.get(), "is only read from "
                    + "plugin_format_version 2 on and this plugin has format " + format.get()
                    + ": set plugin_format_version: 2");
        }
        if (name.isEmpty() || namespace.isEmpty() || (hasVersion && version.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new PluginDependency(name.get(), namespace.get(), version));
    }

    private List<DebianRelation> debianDepends(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            reportType(node, "debian_depends", "must be a list of strings, each one Debian relation");
            return List.of();
        }
        List<DebianRelation> relations = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String path = "debian_depends[" + i + "]";
            if (!(item instanceof YamlNode.Scalar scalar)) {
                reportType(item, path, "must be a string holding one Debian relation");
                continue;
            }
            if (scalar.kind() == ScalarKind.NULL) {
                problems.error(scalar.position(), path, null, "is empty: write one Debian relation, e.g. \"pkg (>= 1.0)\"");
                continue;
            }
            DebianRelationParser.Result result = DebianRelationParser.parse(scalar.text());
            result.relation().ifPresent(relations::add);
            result.problem().ifPresent(why -> problems.error(scalar.position(), path, scalar.text(), why));
        }
        return relations;
    }

    /** The text of a scalar YAML reads as a string; a number, boolean or date is refused, saying to quote it. */
    private Optional<String> string(YamlNode node, String path) {
        Optional<YamlNode.Scalar> scalar = scalar(node, path);
        if (scalar.isPresent() && scalar.get().kind() != ScalarKind.STRING) {
            notAString(scalar.get(), path);
            return Optional.empty();
        }
        return scalar.map(YamlNode.Scalar::text);
    }

    private Optional<YamlNode.Scalar> scalar(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar scalar) {
            return Optional.of(scalar);
        }
        reportType(node, path, "must be a string");
        return Optional.empty();
    }

    private void notAString(YamlNode.Scalar scalar, String path) {
        problems.error(scalar.position(), path, scalar.text(), "must be a string, but YAML reads it as "
                + scalar.kind().description() + ": " + Quoting.quoteIt(path, scalar.text()));
    }

    private boolean matches(Pattern pattern, String text, YamlNode node, String path, String rule) {
        boolean ok = pattern.matcher(text).matches();
        if (!ok) {
            problems.error(node.position(), path, text, rule);
        }
        return ok;
    }

    private void reportType(YamlNode node, String path, String rule) {
        if (!(node instanceof YamlNode.Rejected)) {
            problems.error(node.position(), path, null, rule + ", not " + node.description());
        }
    }
}
