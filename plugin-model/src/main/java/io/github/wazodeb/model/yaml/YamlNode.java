package io.github.wazodeb.model.yaml;

import java.util.List;

/**
 * A YAML node as this module sees it: snakeyaml's node tree with tags already checked, aliases already
 * resolved (and bounded), duplicate and non-string keys already reported. Internal to plugin-model.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping, YamlNode.Rejected {

    Position position();

    /** How a message names this node's type: {@code a string}, {@code a list}, {@code a mapping}. */
    String description();

    /**
     * A scalar with its literal text.
     *
     * @param text the text as written (after YAML unquoting and folding), never the re-printed value
     * @param kind the type YAML gives it
     * @param typedByYaml whether the type comes from YAML guessing at a plain, untagged scalar (so that
     *     {@code 1.10} is a float only because it was not quoted)
     */
    record Scalar(String text, ScalarKind kind, boolean typedByYaml, Position position) implements YamlNode {
        @Override
        public String description() {
            return kind.description();
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String description() {
            return "a list";
        }
    }

    /** A mapping whose keys are the literal texts of scalar keys, each once, in file order. */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String description() {
            return "a mapping";
        }
    }

    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    /** A node already refused (a forbidden tag, a recursive alias): its problem is reported, skip it. */
    record Rejected(Position position) implements YamlNode {
        @Override
        public String description() {
            return "a refused value";
        }
    }
}
