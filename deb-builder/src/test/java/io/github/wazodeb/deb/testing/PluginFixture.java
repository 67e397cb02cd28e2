package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Wazo plugin directory for tests, written from parameters. Its {@code wazo/rules} leaves traces: the
 * {@code build} step writes {@code build/hello.txt}, which {@code package} copies into the payload (so a
 * payload file proves both ran in order), and {@code install}, {@code uninstall} and {@code postrm} each
 * append {@code "<step> <version>"} to {@link #CALLS_LOG}, a path inside whatever root they run in: read it
 * from the {@link DpkgSandbox}.
 *
 * <p>Immutable: every {@code with...} returns a changed copy. Start from {@link #plugin(String)}.
 *
 * @param name the plugin's {@code name}
 * @param namespace its {@code namespace}
 * @param version its {@code version}, written quoted
 * @param format its {@code plugin_format_version}; 0 leaves the key out, as format-0 plugins do
 * @param depends other plugins it needs, each {@code name} and {@code namespace}
 * @param debianDepends its {@code debian_depends}, each one relation
 * @param extraYamlLines lines appended to {@code plugin.yml} as written
 * @param rules which {@code wazo/rules} it has
 */
public record PluginFixture(String name, String namespace, String version, int format,
        List<Dependency> depends, List<String> debianDepends, List<String> extraYamlLines, Rules rules) {

    /** Where the rules script logs its server-side steps, inside the root it runs in. */
    public static final String CALLS_LOG = "/var/log/wazo-rules-calls.log";

    /** Another plugin this one depends on. */
    public record Dependency(String name, String namespace) {
    }

    /** The {@code wazo/rules} scripts a fixture can have. */
    public enum Rules {
        /** {@code #!/bin/sh} with a {@code postrm} branch; an unknown step fails. */
        SH_WITH_POSTRM("/bin/sh", true, 1),
        /** {@code #!/bin/sh} without a {@code postrm} branch; an unknown step (postrm) is ignored, exit 0. */
        SH_WITHOUT_POSTRM_IGNORING_UNKNOWN("/bin/sh", false, 0),
        /**
         * {@code #!/bin/sh} without a {@code postrm} branch; an unknown step (postrm) fails with exit 1, as in
         * many real format-1 plugins.
         */
        SH_WITHOUT_POSTRM_FAILING_UNKNOWN("/bin/sh", false, 1),
        /**
         * {@code #!/bin/bash}, using bash-only syntax. Only for building: the busybox root of a
         * {@link DpkgSandbox} has no bash to run it.
         */
        BASH_WITH_POSTRM("/bin/bash", true, 1);

        private final String interpreter;
        private final boolean postrmBranch;
        private final int unknownStepExit;

        Rules(String interpreter, boolean postrmBranch, int unknownStepExit) {
            this.interpreter = interpreter;
            this.postrmBranch = postrmBranch;
            this.unknownStepExit = unknownStepExit;
        }
    }

    public PluginFixture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rules, "rules");
        depends = List.copyOf(depends);
        debianDepends = List.copyOf(debianDepends);
        extraYamlLines = List.copyOf(extraYamlLines);
    }

    /** A format-1 plugin {@code <name>} in namespace {@code acme}, version {@code 1.0}, sh rules with postrm. */
    public static PluginFixture plugin(String name) {
        return new PluginFixture(name, "acme", "1.0", 1, List.of(), List.of(), List.of(), Rules.SH_WITH_POSTRM);
    }

    public PluginFixture withNamespace(String newNamespace) {
        return new PluginFixture(name, newNamespace, version, format, depends, debianDepends, extraYamlLines, rules);
    }

    public PluginFixture withVersion(String newVersion) {
        return new PluginFixture(name, namespace, newVersion, format, depends, debianDepends, extraYamlLines, rules);
    }

    public PluginFixture withFormat(int newFormat) {
        return new PluginFixture(name, namespace, version, newFormat, depends, debianDepends, extraYamlLines, rules);
    }

    /** Adds a plugin dependency. */
    public PluginFixture withDependency(String dependencyName, String dependencyNamespace) {
        List<Dependency> more = new ArrayList<>(depends);
        more.add(new Dependency(dependencyName, dependencyNamespace));
        return new PluginFixture(name, namespace, version, format, more, debianDepends, extraYamlLines, rules);
    }

    /** Adds a plugin dependency on another fixture. */
    public PluginFixture withDependency(PluginFixture other) {
        return withDependency(other.name(), other.namespace());
    }

    /** Adds {@code debian_depends} entries. */
    public PluginFixture withDebianDepends(String... relations) {
        List<String> more = new ArrayList<>(debianDepends);
        more.addAll(List.of(relations));
        return new PluginFixture(name, namespace, version, format, depends, more, extraYamlLines, rules);
    }

    /** Appends lines to {@code plugin.yml}, as written. */
    public PluginFixture withExtraYaml(String... lines) {
        List<String> more = new ArrayList<>(extraYamlLines);
        more.addAll(List.of(lines));
        return new PluginFixture(name, namespace, version, format, depends, debianDepends, more, rules);
    }

    public PluginFixture withRules(Rules newRules) {
        return new PluginFixture(name, namespace, version, format, depends, debianDepends, extraYamlLines, newRules);
    }

    /** The Debian package name the contract gives this plugin. */
    public String packageName() {
        return "wazo-plugind-" + name + "-" + namespace;
    }

    /** The payload file {@code package} copies from what {@code build} made. */
    public String sharedFile() {
        return "/usr/share/" + name + "/hello.txt";
    }

    /** The payload file {@code package} puts under {@code /etc} (never a conffile by the contract). */
    public String etcFile() {
        return "/etc/" + name + "/" + name + ".conf";
    }

    /** Where the package installs {@code wazo/rules}. */
    public String installedRules() {
        return "/usr/lib/wazo-plugind/plugins/" + namespace + "/" + name + "/wazo/rules";
    }

    /** The line {@link #CALLS_LOG} gets when {@code step} of this version runs. */
    public String call(String step) {
        return step + " " + version;
    }

    /**
     * Writes {@code wazo/plugin.yml} and an executable {@code wazo/rules} into {@code directory} (created if
     * missing), and returns it.
     */
    public Path writeTo(Path directory) {
        try {
            Path wazo = Files.createDirectories(directory.resolve("wazo"));
            Files.writeString(wazo.resolve("plugin.yml"), pluginYml(), StandardCharsets.UTF_8);
            Path rulesFile = wazo.resolve("rules");
            Files.writeString(rulesFile, rulesScript(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(rulesFile, PosixFilePermissions.fromString("rwxr-xr-x"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code plugin.yml} text. */
    public String pluginYml() {
        List<String> lines = new ArrayList<>();
        lines.add("name: " + name);
        lines.add("namespace: " + namespace);
        lines.add("version: " + quoted(version));
        if (format != 0) {
            lines.add("plugin_format_version: " + format);
        }
        if (!depends.isEmpty()) {
            lines.add("depends:");
            for (Dependency dependency : depends) {
                lines.add("  - name: " + dependency.name());
                lines.add("    namespace: " + dependency.namespace());
            }
        }
        if (!debianDepends.isEmpty()) {
            lines.add("debian_depends:");
            debianDepends.forEach(relation -> lines.add("  - " + quoted(relation)));
        }
        lines.addAll(extraYamlLines);
        return String.join("\n", lines) + "\n";
    }

    /** The {@code wazo/rules} text. */
    public String rulesScript() {
        String test = rules.interpreter.endsWith("bash") ? "[[ -n \"${pkgdir}\" ]]" : "[ -n \"${pkgdir}\" ]";
        List<String> lines = new ArrayList<>(List.of(
                "#!" + rules.interpreter,
                "# Test fixture " + namespace + "/" + name + " " + version + " (" + rules + ")",
                "set -e",
                "calls_log=" + CALLS_LOG,
                "case \"$1\" in",
                "    build)",
                "        mkdir -p build",
                "        echo 'hello from " + name + " " + version + "' > build/hello.txt",
                "        ;;",
                "    package)",
                "        " + test + " || { echo 'pkgdir is not set' >&2; exit 1; }",
                "        mkdir -p \"${pkgdir}/usr/share/" + name + "\" \"${pkgdir}/etc/" + name + "\"",
                "        cp build/hello.txt \"${pkgdir}" + sharedFile() + "\"",
                "        echo 'setting = 1' > \"${pkgdir}" + etcFile() + "\"",
                "        ;;"));
        List<String> logged = rules.postrmBranch ? List.of("install", "uninstall", "postrm")
                : List.of("install", "uninstall");
        lines.add("    " + String.join("|", logged) + ")");
        lines.add("        echo \"$1 " + version + "\" >> \"${calls_log}\"");
        lines.add("        ;;");
        lines.add("    *)");
        lines.add("        echo \"$0: unknown step '$1'\" >&2");
        lines.add("        exit " + rules.unknownStepExit);
        lines.add("        ;;");
        lines.add("esac");
        return String.join("\n", lines) + "\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
