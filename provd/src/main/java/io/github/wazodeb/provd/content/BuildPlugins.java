package io.github.wazodeb.provd.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wazodeb.provd.ProvdBuildException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tree's build scripts as its own builder (pgbuild.py) sees them: each {@code build.py} executed by
 * {@code python3} with the injected {@code target} decorator, from the tree's folder ({@code build-plugin.py}
 * does it, the same way for loading and for running a target). A file Python cannot load is what upstream's
 * builder refuses ("while loading build plugin"), whatever wazo-deb's own reading of it says.
 */
public final class BuildPlugins {

    /** A target as Python declared it. */
    public record Declared(String id, String pluginId, boolean standardDirectories) {
    }

    /**
     * One file's load: its targets in declaration order, or Python's error and the file's line it points at
     * (0 when the error is not in the file).
     */
    public record Loaded(String file, List<Declared> targets, String error, int line) {

        public boolean failed() {
            return error != null;
        }
    }

    static final String DRIVER = "build-plugin.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildPlugins() {
    }

    /**
     * Loads each file.
     *
     * @param root the tree's folder, where the files are and Python runs
     * @param files the {@code build.py} files relative to {@code root} ({@code wazo_acme/build.py})
     */
    public static Map<String, Loaded> load(Path root, List<String> files) throws ProvdBuildException {
        List<String> command = new ArrayList<>(List.of(python(), "-c", driver(), "load"));
        command.addAll(files);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new ProvdBuildException("cannot run python3 to load the build.py files: " + e.getMessage(), e);
        }
        Map<String, Loaded> loaded = new LinkedHashMap<>();
        try (InputStream out = process.getInputStream()) {
            for (String line : new String(out.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Loaded result = parse(JSON.readTree(line));
                    loaded.put(result.file(), result);
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ProvdBuildException("python3 did not finish loading the build.py files within 5 minutes");
            }
        } catch (IOException e) {
            throw new ProvdBuildException("cannot read what python3 said of the build.py files: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ProvdBuildException("interrupted while loading the build.py files", e);
        }
        for (String file : files) {
            if (!loaded.containsKey(file)) {
                // The interpreter itself died (a build.py that ends the process, os._exit, a crash).
                loaded.put(file, new Loaded(file, List.of(), "python3 stopped while loading it (exit status "
                        + process.exitValue() + ")", 0));
            }
        }
        return loaded;
    }

    /**
     * Starts one target's function, output and errors merged on the process's output.
     *
     * @param file the family's {@code build.py} relative to {@code root}
     * @param trace the file where the target's rsync calls are recorded, one JSON object a line
     */
    static Process start(Path root, String file, String targetId, Path output, Path trace) throws IOException,
            ProvdBuildException {
        return new ProcessBuilder(python(), "-c", driver(), "run", file, targetId, output.toString(), trace.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private static String python() throws ProvdBuildException {
        return Programs.locate("python3").map(Path::toString).orElseThrow(() -> new ProvdBuildException(
                "python3 is needed to load each build.py as the tree's own builder does, and it is not on PATH"));
    }

    private static String driver() {
        try (InputStream in = BuildPlugins.class.getResourceAsStream(DRIVER)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's own " + DRIVER + " cannot be read", e);
        }
    }

    private static Loaded parse(JsonNode result) {
        String file = result.path("file").asText();
        if (result.has("error")) {
            return new Loaded(file, List.of(), result.path("error").asText(), result.path("line").asInt());
        }
        List<Declared> targets = new ArrayList<>();
        for (JsonNode target : result.path("targets")) {
            targets.add(new Declared(target.path("id").asText(), target.path("pluginId").asText(),
                    target.path("stdDirs").asBoolean()));
        }
        return new Loaded(file, targets, null, 0);
    }
}
