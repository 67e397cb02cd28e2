package io.github.wazodeb.deb.batch;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.PluginReport;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several plugin directories to build in one go, each read and valid, no two the same plugin.
 *
 * @param plugins in the order they were given
 */
public record PluginSet(List<PluginSet.Member> plugins) {

    /**
     * One plugin of the set.
     *
     * @param directory the plugin directory, as given
     * @param descriptor its {@code wazo/plugin.yml}
     */
    public record Member(Path directory, PluginDescriptor descriptor) {

        public Member {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(descriptor, "descriptor");
        }

        /** {@code <namespace>/<name>}: what {@code depends} entries name. */
        public String id() {
            return id(descriptor.namespace(), descriptor.name());
        }

        static String id(String namespace, String name) {
            return namespace + "/" + name;
        }
    }

    public PluginSet {
        plugins = List.copyOf(plugins);
    }

    /**
     * Reads every directory before judging any, so that one run shows every problem of every plugin; a
     * directory given twice counts once.
     *
     * @throws InvalidPluginException every error of every plugin (each problem's file prefixed with its
     *     directory), and each plugin found in two directories
     */
    public static PluginSet read(List<Path> directories) throws InvalidPluginException {
        Set<Path> distinct = new LinkedHashSet<>();
        directories.forEach(directory -> distinct.add(directory.normalize()));
        List<Problem> errors = new ArrayList<>();
        Map<String, Member> byId = new LinkedHashMap<>();
        for (Path directory : distinct) {
            PluginReport report = PluginReader.readDirectory(directory);
            report.errors().forEach(problem -> errors.add(inDirectory(directory, problem)));
            if (report.descriptor().isEmpty()) {
                continue;
            }
            Member member = new Member(directory, report.descriptor().get());
            Member first = byId.putIfAbsent(member.id(), member);
            if (first != null) {
                errors.add(new Problem(Severity.ERROR, directory.resolve(PluginReader.PLUGIN_YML).toString(), 0, 0,
                        "name", member.id(), "is also the plugin in " + first.directory()
                                + ": each plugin can be built once in a run"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPluginException(errors);
        }
        return new PluginSet(List.copyOf(byId.values()));
    }

    /** The same problem, its file named from where the user runs, not from inside its plugin directory. */
    static Problem inDirectory(Path directory, Problem problem) {
        Path file = Path.of(problem.file());
        // A problem with the directory itself (missing, unreadable) already names it.
        Path named = file.isAbsolute() || file.startsWith(directory) ? file : directory.resolve(file);
        return new Problem(problem.severity(), named.toString(), problem.line(),
                problem.column(), problem.key(), problem.value(), problem.rule());
    }
}
