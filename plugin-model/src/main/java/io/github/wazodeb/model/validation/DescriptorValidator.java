package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.DebianRelation;
import io.github.wazodeb.model.DebianVersion;
import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.report.ProblemList;
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
        Optional<String> version = required(keys, "version").flatMap(node -> debianVersion(node, "version"));
        Optional<String> description = optional(keys, "description").flatMap(this::description);
        Optional<Integer> format = optional(keys, "plugin_format_version").map(this::formatVersion)
                .orElse(Optional.of(0));
        List<PluginDependency> depends = optional(keys, "depends").map(this::depends).orElse(List.of());
        List<DebianRelation> debianDepends = optional(keys, "debian_depends").map(this::debianDepends).orElse(List.of());
        Optional<String> minWazo = wazoVersion(keys, "min_wazo_version", format);
        Optional<String> maxWazo = wazoVersion(keys, "max_wazo_version", format);
        Map<String, Object> otherKeys = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!KNOWN_KEYS.contains(entry.key())) {
                PlainValues.of(entry.value(), entry.key(), problems)
                        .ifPresent(held -> otherKeys.put(entry.key(), held.value()));
            }
        }
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
        }
        return Optional.ofNullable(node);
    }

    /** A key whose value is YAML null (or empty) counts as absent, as {@code dict.get} would read it. */
    private static Optional<YamlNode> optional(Map<String, YamlNode> keys, String key) {
        YamlNode node = keys.get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.NULL) {
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    private Optional<String> name(YamlNode node, String path) {
        return literal(node, path, true).filter(text -> matches(NAME, text, node, path, NAME_RULE));
    }

    private Optional<String> namespace(YamlNode node, String path) {
        return literal(node, path, true).filter(text -> matches(NAMESPACE, text, node, path, NAMESPACE_RULE));
    }

    private Optional<String> debianVersion(YamlNode node, String path) {
        return literal(node, path, true).filter(text -> {
            Optional<String> problem = DebianVersion.problem(text);
            problem.ifPresent(why -> problems.error(node.position(), path, text, "is not a valid Debian version: " + why));
            return problem.isEmpty();
        });
    }

    /** Versions kept only as metadata: any text a control file or script could not be broken by. */
    private Optional<String> versionText(YamlNode node, String path) {
        return literal(node, path, false).filter(text -> {
            boolean ok = !text.isEmpty() && text.codePoints()
                    .noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp));
            if (!ok) {
                problems.error(node.position(), path, text, VERSION_TEXT_RULE);
            }
            return ok;
        });
    }

    private Optional<String> wazoVersion(Map<String, YamlNode> keys, String key, Optional<Integer> format) {
        Optional<YamlNode> node = optional(keys, key);
        Optional<String> text = node.flatMap(n -> versionText(n, key));
        if (text.isPresent() && format.isPresent() && format.get() < 2) {
            problems.warning(node.get().position(), key, text.get(), "is only read from plugin_format_version 2 on "
                    + "and this plugin has format " + format.get() + ": set plugin_format_version: 2");
        }
        return text;
    }

    private Optional<String> description(YamlNode node) {
        return literal(node, "description", false).filter(text -> {
            boolean ok = text.codePoints().noneMatch(cp -> cp != '\n' && Character.isISOControl(cp));
            if (!ok) {
                problems.error(node.position(), "description", text,
                        "must not contain control characters other than line breaks");
            }
            return ok;
        }).filter(text -> !text.isBlank());
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

    private List<PluginDependency> depends(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            reportType(node, "depends", "must be a list of mappings, each with name and namespace");
            return List.of();
        }
        List<PluginDependency> depends = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            dependency(sequence.items().get(i), "depends[" + i + "]").ifPresent(depends::add);
        }
        return depends;
    }

    private Optional<PluginDependency> dependency(YamlNode node, String path) {
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
        Optional<YamlNode> versionNode = optional(keys, "version");
        Optional<String> version = versionNode.flatMap(n -> versionText(n, path + ".version"));
        if (name.isEmpty() || namespace.isEmpty() || (versionNode.isPresent() && version.isEmpty())) {
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

    /**
     * The literal text of a scalar: {@code 1.10} stays "1.10" even though YAML reads a number, with a
     * warning that says to quote it.
     */
    private Optional<String> literal(YamlNode node, String path, boolean required) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            reportType(node, path, "must be a string");
            return Optional.empty();
        }
        if (scalar.kind() == ScalarKind.NULL) {
            if (required) {
                problems.error(scalar.position(), path, scalar.text().isEmpty() ? null : scalar.text(),
                        "has no value (YAML reads it as null): give it a value");
            }
            return Optional.empty();
        }
        if (scalar.typedByYaml() && scalar.kind() != ScalarKind.STRING) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            problems.warning(scalar.position(), path, scalar.text(), "is read by YAML as " + scalar.kind().description()
                    + "; quote it: " + key + ": \"" + scalar.text() + "\"");
        }
        return Optional.of(scalar.text());
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
