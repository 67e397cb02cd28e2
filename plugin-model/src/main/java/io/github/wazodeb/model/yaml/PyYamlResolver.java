package io.github.wazodeb.model.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types a plain scalar exactly as wazo-plugind's reader does: PyYAML's YAML 1.1 implicit resolvers, the same
 * patterns tried in the same order for the same first characters. snakeyaml's own resolver differs where it
 * matters to a plugin: it reads {@code 1e3} and {@code -.5} as floats (PyYAML: strings, a float needs a dot and
 * an exponent needs a sign), and it has no resolver for {@code =}, which PyYAML types as a value tag that its
 * safe loader cannot load. Internal to plugin-model.
 */
final class PyYamlResolver extends Resolver {

    /** PyYAML's {@code tag:yaml.org,2002:value}; snakeyaml has the pattern but no tag constant. */
    static final Tag VALUE = new Tag(Tag.PREFIX + "value");

    private static final Pattern BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    private static final Pattern FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$");
    private static final Pattern INT = Pattern.compile("^(?:[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern MERGE = Pattern.compile("^(?:<<)$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    private static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    private static final Pattern VALUE_PATTERN = Pattern.compile("^(?:=)$");
    /** snakeyaml skips a pattern for longer values; PyYAML has no such limit, and a plugin.yml is bounded. */
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Override
    protected void addImplicitResolvers() {
        // PyYAML's order (resolver.py): bool, float, int, merge, null, timestamp, value.
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", NO_LIMIT);
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.", NO_LIMIT);
        addImplicitResolver(Tag.INT, INT, "-+0123456789", NO_LIMIT);
        addImplicitResolver(Tag.MERGE, MERGE, "<", NO_LIMIT);
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", NO_LIMIT);
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789", NO_LIMIT);
        addImplicitResolver(VALUE, VALUE_PATTERN, "=", NO_LIMIT);
    }
}
