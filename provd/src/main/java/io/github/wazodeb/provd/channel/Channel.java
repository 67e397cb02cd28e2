package io.github.wazodeb.provd.channel;

import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.content.PluginContent;
import io.github.wazodeb.provd.model.PluginInfo;
import io.github.wazodeb.provd.model.PluginInfoReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A channel of a plugin server ({@code testing/}, {@code stable/}, ...): a folder of plugin archives and the
 * {@code plugins.db} that lists the current one of each plugin.
 */
public final class Channel {

    public static final String INDEX = "plugins.db";
    public static final String SUFFIX = ".tar.bz2";

    private final Path folder;
    private final PluginsIndex index;

    private Channel(Path folder, PluginsIndex index) {
        this.folder = folder;
        this.index = index;
    }

    /** Reads the channel's {@code plugins.db}. */
    public static Channel read(Path folder) throws ProvdBuildException {
        Path file = folder.resolve(INDEX);
        if (!Files.isRegularFile(file)) {
            throw new ProvdBuildException(folder + ": no " + INDEX + " (not a channel folder)");
        }
        try {
            return new Channel(folder, PluginsIndex.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ProvdBuildException(file + ": is not a plugins index: " + e.getMessage(), e);
        }
    }

    /**
     * The index the channel's archives call for, as the reference build's {@code --db} makes it: each archive
     * read for its top folder (the plugin id) and {@code plugin-info}, the highest version of each plugin kept.
     */
    public static PluginsIndex scan(Path folder) throws ProvdBuildException {
        return scan(folder, Map.of());
    }

    /**
     * As {@link #scan(Path)}, taking the plugin id and {@code plugin-info} of the archives named in {@code known}
     * (those a build just wrote or found published with the same content) instead of unpacking them again.
     */
    public static PluginsIndex scan(Path folder, Map<String, Known> known) throws ProvdBuildException {
        Map<String, PluginsIndex.Entry> entries = new TreeMap<>();
        for (Path archive : archives(folder)) {
            Known read = known.get(archive.getFileName().toString());
            if (read == null) {
                PluginArchive.Contents contents = PluginArchive.read(archive);
                read = new Known(contents.topFolder(), pluginInfo(archive, contents.content()));
            }
            PluginsIndex.Entry entry = PluginsIndex.entry(read.pluginId(), read.info().fields(),
                    archive.getFileName().toString(), size(archive), sha1(archive));
            entries.merge(entry.id(), entry, (a, b) -> b.version().compareTo(a.version()) > 0 ? b : a);
        }
        return new PluginsIndex(entries);
    }

    /** An archive's top folder and {@code plugin-info}, as its builder knows them. */
    public record Known(String pluginId, PluginInfo info) {
    }

    /** Writes {@code plugins.db} from the channel's archives; see {@link #scan}. */
    public static PluginsIndex writeIndex(Path folder) throws ProvdBuildException {
        return writeIndex(folder, Map.of());
    }

    /** Writes {@code plugins.db} from the channel's archives; see {@link #scan(Path, Map)}. */
    public static PluginsIndex writeIndex(Path folder, Map<String, Known> known) throws ProvdBuildException {
        PluginsIndex index = scan(folder, known);
        writeAtomically(folder.resolve(INDEX), index.toJson());
        return index;
    }

    public Path folder() {
        return folder;
    }

    public PluginsIndex index() {
        return index;
    }

    public Optional<PluginsIndex.Entry> entry(String pluginId) {
        return Optional.ofNullable(index.entries().get(pluginId));
    }

    /** What the indexed archive of {@code entry} holds. */
    public PluginContent content(PluginsIndex.Entry entry) throws ProvdBuildException {
        return PluginArchive.read(archive(entry)).content();
    }

    public Path archive(PluginsIndex.Entry entry) throws ProvdBuildException {
        Path archive = folder.resolve(entry.filename()).normalize();
        if (!archive.getParent().equals(folder.normalize()) || !Files.isRegularFile(archive)) {
            throw new ProvdBuildException(folder.resolve(INDEX) + ": " + entry.id() + " names " + entry.filename()
                    + ", which is not an archive of the channel");
        }
        return archive;
    }

    /** Writes {@code bytes} to {@code file} through a temporary file beside it, so no reader sees half a file. */
    public static void writeAtomically(Path file, byte[] bytes) throws ProvdBuildException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".wazo-deb-", ".tmp");
            try {
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ProvdBuildException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String sha1(Path file) throws ProvdBuildException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-1"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new ProvdBuildException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    public static long size(Path file) throws ProvdBuildException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static PluginInfo pluginInfo(Path archive, PluginContent content) throws ProvdBuildException {
        var entry = content.entry("plugin-info");
        if (entry.isEmpty() || entry.get().data() == null) {
            throw new ProvdBuildException(archive + ": has no plugin-info at the top of its folder");
        }
        PluginInfoReader.Result read = PluginInfoReader.read(entry.get().data(), archive.getFileName() + ":plugin-info");
        if (read.info().isEmpty()) {
            throw new ProvdBuildException(archive + ": invalid plugin-info: " + read.problems().get(0).format());
        }
        return read.info().get();
    }

    private static List<Path> archives(Path folder) throws ProvdBuildException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ProvdBuildException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
