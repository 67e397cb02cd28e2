package io.github.wazodeb.provd.content;

import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.ProvdListener;
import io.github.wazodeb.provd.model.TargetDeclaration;
import io.github.wazodeb.provd.model.TargetRecipe;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a target that does more than copy by running its function from the family's own {@code build.py}
 * with {@code python3}, in the family folder, into an empty output folder, as the tree's build script does;
 * then reads that folder (links kept), adds the standard {@code var/} folders and names each file by where it
 * came from in the tree ({@link TracedCopies}). A target that raises fails the build with its last lines.
 */
public final class ScriptTarget {

    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);
    private static final int LAST_LINES = 10;

    private ScriptTarget() {
    }

    public static PluginContent build(Path family, String familyName, TargetDeclaration target, TargetRecipe.Script recipe,
            ExternalLinks links, ProvdListener listener) throws ProvdBuildException {
        String name = familyName + " target " + target.id();
        List<String> missing = new ArrayList<>();
        for (String program : programsNeeded(recipe)) {
            if (Programs.locate(program).isEmpty()) {
                missing.add(program);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProvdBuildException(name + " (" + target.pluginId() + ") runs Python code (" + recipe.reason()
                    + ") and needs " + String.join(" and ", missing) + ", not found on PATH");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("wazo-provd-target");
            Path output = Files.createDirectory(work.resolve(target.pluginId()));
            Path trace = work.resolve("rsync-calls.jsonl");
            run(family, target, output, trace, name, listener);
            ContentBuilder content = new ContentBuilder(name);
            FileTrees.readAll(output, "", "", content);
            if (target.standardDirectories()) {
                content.addStandardDirectories();
            }
            PluginContent built = TracedCopies.withOrigins(content.build(), trace, family, familyName, target, output,
                    links);
            links.checkContent(built, target.pluginId());
            return built;
        } catch (IOException e) {
            throw new ProvdBuildException(name + " failed: " + e.getMessage(), e);
        } finally {
            TemporaryFolders.delete(work);
        }
    }

    private static String familyName(Path family) {
        return family.getFileName().toString();
    }

    private static List<String> programsNeeded(TargetRecipe.Script recipe) {
        List<String> programs = new ArrayList<>(List.of("python3"));
        recipe.programs().stream().filter(program -> !program.contains("/") && !programs.contains(program))
                .forEach(programs::add);
        return programs;
    }

    private static void run(Path family, TargetDeclaration target, Path output, Path trace, String name,
            ProvdListener listener) throws IOException, ProvdBuildException {
        Process process = BuildPlugins.start(family.getParent(), familyName(family) + "/build.py", target.id(), output,
                trace);
        Deque<String> last = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    listener.targetOutput(name, line);
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > LAST_LINES) {
                            last.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "provd-target-output");
        reader.start();
        try {
            if (!process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ProvdBuildException(name + " (" + target.pluginId() + ") did not finish within "
                        + TIME_LIMIT.toMinutes() + " minutes");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ProvdBuildException(name + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            StringBuilder message = new StringBuilder(name + " (" + target.pluginId() + ") failed with exit status "
                    + process.exitValue() + " running build.py line " + target.line() + " through python3");
            synchronized (last) {
                if (!last.isEmpty()) {
                    message.append("; last lines it printed:");
                    last.forEach(line -> message.append("\n  ").append(line));
                }
            }
            throw new ProvdBuildException(message.toString());
        }
    }
}
