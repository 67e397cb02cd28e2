package io.github.wazodeb.deb.stage;

import io.github.wazodeb.deb.archive.FileNames;
import io.github.wazodeb.deb.archive.KnownContent;
import io.github.wazodeb.deb.archive.PayloadException;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copies the plugin's {@code wazo/} folder into the payload at
 * {@code /usr/lib/wazo-plugind/plugins/<namespace>/<name>/wazo/}, where the maintainer scripts find the
 * rules, with a git checkout's modes ({@link GitModeCopier}); the installed rules are always {@code 0755}.
 *
 * <p>The folder shipped is the one validated: the copied {@code plugin.yml} must read as the descriptor the
 * build validated (a step, or a process a step left running, may have rewritten the working copy's since),
 * and its bytes are then pinned, so that the package is written only if it holds exactly them.
 */
public final class PluginFolderCopier {

    private PluginFolderCopier() {
    }

    /** The folder's place in the package, relative to the payload root. */
    public static Path installedPath(String namespace, String name) {
        return Path.of("usr", "lib", "wazo-plugind", "plugins", namespace, name, "wazo");
    }

    /**
     * @param wazoFolder the plugin's {@code wazo/}; a link to a directory is shipped as that directory
     *     (links inside it stay links)
     * @param plugin what the build validated of {@code wazo/plugin.yml}
     * @param skipped told of each entry that is not a file, directory or link, which is left out
     * @return the content the copied {@code plugin.yml} must keep until the package is written
     * @throws PayloadException the copied {@code plugin.yml} is not the plugin that was validated, or a link
     */
    public static List<KnownContent> copy(Path wazoFolder, Path payload, PluginDescriptor plugin,
            Consumer<String> skipped) throws IOException {
        Path installed = installedPath(plugin.namespace(), plugin.name());
        Path target = payload.resolve(installed.toString());
        createParents(payload, target.getParent());
        GitModeCopier.copy(wazoFolder, target,
                path -> skipped.accept("wazo/" + FileNames.display(path.toString())
                        + " is not a file, directory or link: left out of the package"));
        Path rules = target.resolve("rules");
        if (Files.isRegularFile(rules, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path pluginYml = target.resolve("plugin.yml");
        // The plugin directory's plugin.yml is a file (PluginReader refuses a link), so a link here is a
        // rules step's doing, and would ship a plugin.yml other than the one validated, or none.
        byte[] shipped = Files.isSymbolicLink(pluginYml) ? null : readAtMostMax(pluginYml);
        if (shipped == null || !plugin.equals(descriptorOf(shipped).orElse(null))) {
            throw new PayloadException(installed.resolve("plugin.yml").toString(), "wazo/plugin.yml changed "
                    + "while being packaged: it no longer reads as the plugin.yml that was validated (a rules step "
                    + "rewrote it, or a process the rules steps started is still writing it)");
        }
        return List.of(KnownContent.of(installed.resolve("plugin.yml").toString(), shipped));
    }

    /** The file's bytes, one more than a plugin.yml may have at most: a bigger one is not the one validated. */
    private static byte[] readAtMostMax(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(PluginReader.MAX_PLUGIN_YML_BYTES + 1);
        }
    }

    /** What {@code bytes} validate to, as the build validated the plugin directory's plugin.yml. */
    private static Optional<PluginDescriptor> descriptorOf(byte[] bytes) {
        if (bytes.length > PluginReader.MAX_PLUGIN_YML_BYTES) {
            return Optional.empty();
        }
        try {
            return PluginReader.readYaml(FileNames.decode(bytes), PluginReader.PLUGIN_YML).descriptor();
        } catch (FileNames.InvalidNameException e) {
            return Optional.empty(); // not UTF-8, so not the file validated
        }
    }

    /** Creates the directories leading to the folder with a fixed mode, whatever the umask. */
    private static void createParents(Path payload, Path dir) throws IOException {
        Path current = payload;
        for (Path part : payload.relativize(dir)) {
            current = current.resolve(part.toString());
            if (Files.isSymbolicLink(current)) {
                throw new FileAlreadyExistsException(payload.relativize(current).toString(), null,
                        "the package step made this a symbolic link, where the plugin's folder must go");
            }
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
                Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
