package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.content.BuildPlugins;
import io.github.wazodeb.provd.model.BuildScript;
import io.github.wazodeb.provd.model.BuildScriptParser;
import io.github.wazodeb.provd.model.TargetDeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A provd plugins tree: the folder whose sub-folders are plugin families, each with a {@code build.py}
 * (the repository's {@code plugins/} folder; the repository's root is accepted too). Reading it reads every
 * family's {@code build.py}, loads each with python3 as the tree's own builder does (a file that fails to load
 * is an error, for copy-only families too) and reports every problem at once.
 */
public final class ProvdTree {

    /** A family folder and its targets. */
    public record Family(String name, Path folder, BuildScript script) {
    }

    /** One target of one family. */
    public record Target(Family family, TargetDeclaration declaration) {

        /** {@code wazo_acme target v1}: how messages name it. */
        public String name() {
            return family.name() + " target " + declaration.id();
        }
    }

    private final Path root;
    private final List<Family> families;

    private ProvdTree(Path root, List<Family> families) {
        this.root = root;
        this.families = List.copyOf(families);
    }

    public static ProvdTree read(Path tree) throws InvalidPluginException, ProvdBuildException {
        Path root = tree.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InvalidPluginException(List.of(new Problem(Severity.ERROR, tree.toString(), 0, 0, "", null,
                    "is not a folder")));
        }
        if (familyFolders(root).isEmpty() && !familyFolders(root.resolve("plugins")).isEmpty()) {
            root = root.resolve("plugins");
        }
        List<Path> folders = familyFolders(root);
        if (folders.isEmpty()) {
            throw new InvalidPluginException(List.of(new Problem(Severity.ERROR, tree.toString(), 0, 0, "", null,
                    "holds no plugin family (a folder with a build.py), nor does its plugins/ folder")));
        }
        Map<String, BuildScriptParser.Result> parsed = new LinkedHashMap<>();
        for (Path folder : folders) {
            String file = folder.getFileName() + "/build.py";
            try {
                parsed.put(file, BuildScriptParser.parse(Files.readString(folder.resolve("build.py"),
                        StandardCharsets.UTF_8), file));
            } catch (IOException e) {
                throw new ProvdBuildException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, BuildPlugins.Loaded> loaded = BuildPlugins.load(root, List.copyOf(parsed.keySet()));
        List<Problem> problems = new ArrayList<>();
        List<Family> families = new ArrayList<>();
        Map<String, String> pluginIds = new HashMap<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            String file = name + "/build.py";
            BuildScriptParser.Result result = parsed.get(file);
            BuildPlugins.Loaded load = loaded.get(file);
            if (load.failed()) {
                // Python's word is final: the tree's builder stops on this file ("while loading build plugin").
                problems.add(new Problem(Severity.ERROR, file, load.line(), 0, "", null,
                        "cannot be loaded as the tree's builder loads it: " + load.error()));
                continue;
            }
            problems.addAll(result.problems());
            result.script().ifPresent(script -> {
                problems.addAll(sameTargets(script, load));
                for (TargetDeclaration target : script.targets()) {
                    String earlier = pluginIds.putIfAbsent(target.pluginId(), file + ":" + target.line());
                    if (earlier != null) {
                        problems.add(new Problem(Severity.ERROR, file, target.line(), 0, "plugin id", target.pluginId(),
                                "is already built by " + earlier));
                    }
                }
                families.add(new Family(name, folder, script));
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        return new ProvdTree(root, families);
    }

    /**
     * What wazo-deb read of the file must be what Python declared, target for target: a target whose id or
     * plugin id is computed is one wazo-deb cannot build as the tree's builder would.
     */
    private static List<Problem> sameTargets(BuildScript script, BuildPlugins.Loaded load) {
        List<BuildPlugins.Declared> read = script.targets().stream().map(target -> new BuildPlugins.Declared(
                target.id(), target.pluginId(), target.standardDirectories())).toList();
        if (read.equals(load.targets())) {
            return List.of();
        }
        return List.of(new Problem(Severity.ERROR, script.file(), 0, 0, "", null, "declares " + describe(load.targets())
                + " when python3 loads it, but its @target(...) lines read as " + describe(read)
                + ": each target id, plugin id and std_dirs must be written as literals"));
    }

    private static String describe(List<BuildPlugins.Declared> targets) {
        return targets.isEmpty() ? "no target" : targets.stream().map(target -> "'" + target.id() + "' ('"
                + target.pluginId() + "'" + (target.standardDirectories() ? "" : ", std_dirs=False") + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The folder holding the families. */
    public Path root() {
        return root;
    }

    public List<Family> families() {
        return families;
    }

    /**
     * The targets named, in tree order: every target when {@code names} is empty; a name is a family
     * ({@code wazo_acme}), a family's target ({@code wazo_acme/v1}) or a plugin id ({@code wazo-acme-1.0}).
     */
    public List<Target> targets(List<String> names) throws InvalidPluginException {
        List<Target> selected = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : names) {
            if (families.stream().noneMatch(family -> matches(family, null, name))
                    && targets(List.of()).stream().noneMatch(target -> matches(target.family(), target.declaration(), name))) {
                problems.add(new Problem(Severity.ERROR, root.toString(), 0, 0, "", name,
                        "names no family, family/target or plugin id of the tree"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        for (Family family : families) {
            for (TargetDeclaration declaration : family.script().targets()) {
                if (names.isEmpty() || names.stream().anyMatch(name -> matches(family, null, name)
                        || matches(family, declaration, name))) {
                    selected.add(new Target(family, declaration));
                }
            }
        }
        return selected;
    }

    private static boolean matches(Family family, TargetDeclaration declaration, String name) {
        if (declaration == null) {
            return family.name().equals(name);
        }
        return name.equals(family.name() + "/" + declaration.id()) || name.equals(declaration.pluginId());
    }

    private static List<Path> familyFolders(Path root) throws ProvdBuildException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("build.py")))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ProvdBuildException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
