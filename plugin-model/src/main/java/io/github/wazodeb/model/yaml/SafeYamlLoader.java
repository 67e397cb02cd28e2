package io.github.wazodeb.model.yaml;

import io.github.wazodeb.model.report.ProblemList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML text into {@link YamlNode}s without ever constructing an object from a tag: snakeyaml only
 * composes the node tree (with limits on aliases, nesting, size and what aliases expand to), typing plain
 * scalars as wazo-plugind's PyYAML does, and this class checks every tag against YAML's core schema itself.
 * Every problem goes to the given list; nothing is thrown. Internal to plugin-model.
 */
public final class SafeYamlLoader {

    /** The largest text read, in characters (and, for files, in bytes). */
    public static final int MAX_CHARS = 1 << 20;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 20;
    static final int MAX_NESTING_DEPTH = 20;
    /** Scalar aliases are not limited by snakeyaml; this bounds what they can expand to. */
    static final int MAX_NODES = 200_000;

    private static final String CORE_PREFIX = Tag.PREFIX;
    private static final Map<Tag, ScalarKind> SCALAR_TAGS = Map.of(
            Tag.STR, ScalarKind.STRING,
            Tag.INT, ScalarKind.INT,
            Tag.FLOAT, ScalarKind.FLOAT,
            Tag.BOOL, ScalarKind.BOOL,
            Tag.NULL, ScalarKind.NULL,
            Tag.TIMESTAMP, ScalarKind.TIMESTAMP);
    private static final String ALLOWED = "only plain YAML values are allowed (strings, numbers, booleans, "
            + "null, lists and mappings)";
    /** Tags PyYAML's safe loader reads into values that wazo-plugind's JSON listing cannot serve. */
    private static final Map<Tag, String> UNSERVABLE_TAGS = Map.of(
            Tag.BINARY, "is binary data (bytes), which wazo-plugind's JSON plugin list cannot serve",
            Tag.SET, "is a set, which wazo-plugind's JSON plugin list cannot serve");

    private final ProblemList problems;
    private final PyYamlResolver resolver = new PyYamlResolver();
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;
    private boolean tooManyNodesReported;

    private SafeYamlLoader(ProblemList problems) {
        this.problems = problems;
    }

    /**
     * The document's root node, or empty when the text is not a readable YAML document (the reason is in
     * {@code problems}).
     */
    public static Optional<YamlNode> load(String text, ProblemList problems) {
        if (text.length() > MAX_CHARS) {
            problems.error(Position.NONE, "", null, "is " + text.length() + " characters long; a plugin.yml may hold at most "
                    + MAX_CHARS);
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = options();
            ParserImpl parser = new ParserImpl(new WholeTextReader(text), options);
            BoundedExpansion bounded = new BoundedExpansion(parser, text);
            root = new Composer(bounded, new PyYamlResolver(), options).getSingleNode();
        } catch (BoundedExpansion.TooLarge e) {
            problems.error(position(e.mark), e.path, "*" + e.anchor, "is an alias that expands plugin.yml past "
                    + e.limit + " bytes, the most allowed (1 MiB or four times the file's size, whichever is larger): "
                    + "wazo-plugind would serve every copy in its plugin list; write the value out instead of "
                    + "repeating it");
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            String problem = e.getProblem() == null ? e.getClass().getSimpleName() : e.getProblem();
            problems.error(position(mark), "", null, "YAML syntax error: " + problem + context);
            return Optional.empty();
        } catch (ReaderException e) {
            problems.error(positionOfCodePoint(text, e.getPosition()), "", null, String.format(
                    "contains character U+%04X, which YAML does not allow", e.getCodePoint()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.error(Position.NONE, "", null, "refused by the safe YAML reader: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            // snakeyaml should only throw YAMLException; anything else is still bad input, not our crash.
            problems.error(Position.NONE, "", null, "cannot be read as YAML: " + e);
            return Optional.empty();
        }
        if (root == null || isNull(root)) {
            problems.error(Position.NONE, "", null, "is empty: write a mapping with at least name, namespace and version");
            return Optional.empty();
        }
        return Optional.of(new SafeYamlLoader(problems).convert(root, ""));
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CHARS + 1);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        // snakeyaml would stop at the first global tag with a bare "Global tag is not allowed"; nothing is
        // ever constructed here, so let every tag through to refuseTag(), which names each one with its key.
        options.setTagInspector(tag -> true);
        // Only a composer is used: no constructor, safe or not, ever turns a node into an object.
        return options;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private YamlNode convert(Node node, String path) {
        Position at = position(node.getStartMark());
        if (++nodes > MAX_NODES) {
            if (!tooManyNodesReported) {
                tooManyNodesReported = true;
                problems.error(at, path, null, "expands to more than " + MAX_NODES + " values through aliases");
            }
            return new YamlNode.Rejected(at);
        }
        if (!onPath.add(node)) {
            problems.error(at, path, null, "refers to itself through an alias; recursive values are not allowed");
            return new YamlNode.Rejected(at);
        }
        try {
            return switch (node.getNodeId()) {
                case scalar -> scalar((ScalarNode) node, path, at);
                case sequence -> sequence((SequenceNode) node, path, at);
                case mapping -> mapping((MappingNode) node, path, at);
                default -> refuseTag(node, path, at);
            };
        } finally {
            onPath.remove(node);
        }
    }

    private YamlNode scalar(ScalarNode node, String path, Position at) {
        ScalarKind kind = SCALAR_TAGS.get(node.getTag());
        if (node.isPlain() && (node.getTag().equals(Tag.MERGE) || node.getTag().equals(PyYamlResolver.VALUE))) {
            return unloadable(node, path, at);
        }
        if (kind == null) {
            return refuseTag(node, path, at);
        }
        boolean typedByYaml = node.isPlain() && resolver.resolve(NodeId.scalar, node.getValue(), true).equals(node.getTag());
        return new YamlNode.Scalar(node.getValue(), kind, typedByYaml, at);
    }

    private YamlNode sequence(SequenceNode node, String path, Position at) {
        if (!node.getTag().equals(Tag.SEQ)) {
            return refuseTag(node, path, at);
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> children = node.getValue();
        for (int i = 0; i < children.size(); i++) {
            items.add(convert(children.get(i), path + "[" + i + "]"));
        }
        return new YamlNode.Sequence(items, at);
    }

    private YamlNode mapping(MappingNode node, String path, Position at) {
        if (!node.getTag().equals(Tag.MAP)) {
            return refuseTag(node, path, at);
        }
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Position keyAt = position(keyNode.getStartMark());
            Optional<String> key = keyText(keyNode, path, keyAt);
            if (key.isEmpty()) {
                continue;
            }
            String childPath = path.isEmpty() ? key.get() : path + "." + key.get();
            Position first = seen.putIfAbsent(key.get(), keyAt);
            if (first != null) {
                problems.error(keyAt, childPath, null, "is given again (first at line " + first.line()
                        + "): a key may appear only once");
                continue;
            }
            entries.add(new YamlNode.Entry(key.get(), keyAt, convert(tuple.getValueNode(), childPath)));
        }
        return new YamlNode.Mapping(entries, at);
    }

    private Optional<String> keyText(Node keyNode, String path, Position keyAt) {
        String where = path.isEmpty() ? "" : path;
        if (keyNode.getTag().equals(Tag.MERGE)) {
            problems.error(keyAt, where, "<<", "merge keys are not supported: write the keys out");
            return Optional.empty();
        }
        if (!(keyNode instanceof ScalarNode scalar)) {
            String type = keyNode.getNodeId() == NodeId.sequence ? "a list" : "a mapping";
            problems.error(keyAt, where, null, "has a key that is " + type + ", which wazo-plugind's JSON plugin list "
                    + "cannot serve: keys must be plain strings");
            return Optional.empty();
        }
        if (scalar.getTag().equals(Tag.TIMESTAMP)) {
            problems.error(keyAt, where, scalar.getValue(), "is a key that YAML reads as a date, which wazo-plugind's "
                    + "JSON plugin list cannot serve (one such key makes GET /0.2/plugins fail for every plugin): "
                    + "quote it: \"" + scalar.getValue() + "\":");
            return Optional.empty();
        }
        if (scalar.isPlain() && scalar.getTag().equals(PyYamlResolver.VALUE)) {
            unloadable(scalar, where, keyAt);
            return Optional.empty();
        }
        if (!SCALAR_TAGS.containsKey(scalar.getTag())) {
            refuseTag(scalar, where, keyAt);
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    private YamlNode refuseTag(Node node, String path, Position at) {
        String unservable = UNSERVABLE_TAGS.get(node.getTag());
        problems.error(at, path, shortTag(node.getTag()), unservable != null
                ? unservable + ": write it as a string, or a list of strings"
                : "is a YAML tag that is not allowed: " + ALLOWED);
        return new YamlNode.Rejected(at);
    }

    /** {@code =} and {@code <<} as plain values: PyYAML types them with tags its safe loader cannot load. */
    private YamlNode unloadable(ScalarNode node, String path, Position at) {
        problems.error(at, path, node.getValue(), "is read by wazo-plugind's YAML reader (PyYAML) as a "
                + shortTag(node.getTag()) + " tag, which it cannot load: quote it: \"" + node.getValue() + "\"");
        return new YamlNode.Rejected(at);
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(CORE_PREFIX) ? "!!" + value.substring(CORE_PREFIX.length()) : value;
    }

    /** Line and column of the code point at {@code index}, as the reader counts (lines end at '\\n'). */
    private static Position positionOfCodePoint(String text, int index) {
        int line = 1;
        int column = 1;
        int[] codePoints = text.codePoints().limit(Math.max(0, index)).toArray();
        for (int cp : codePoints) {
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static Position position(Mark mark) {
        return mark == null ? Position.NONE : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
