package io.github.wazodeb.provd.channel;

import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.content.ContentEntry;
import io.github.wazodeb.provd.content.PluginContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * A plugin's {@code .tar.bz2}: one top folder named after the plugin id, holding what the target built.
 * Written reproducibly: entries in {@link PluginContent#PATH_ORDER}, owner and group root (0), every mtime
 * the given timestamp, modes 0755 for folders and executables, 0644 for other files, 0777 for links,
 * POSIX (pax) headers for long or non-ASCII names, and commons-compress's pure-Java bzip2 at level 9, whose
 * output depends only on its input.
 */
public final class PluginArchive {

    /** An archive's top folder and content. */
    public record Contents(String topFolder, PluginContent content) {
    }

    private PluginArchive() {
    }

    public static byte[] write(String topFolder, PluginContent content, Instant timestamp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bzip2 = new BZip2CompressorOutputStream(bytes, 9);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(bzip2, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            tar.putArchiveEntry(header(topFolder + "/", TarConstants.LF_DIR, 040755, timestamp));
            tar.closeArchiveEntry();
            for (ContentEntry entry : content.entries()) {
                String name = topFolder + "/" + entry.path();
                switch (entry.type()) {
                    case DIRECTORY -> {
                        tar.putArchiveEntry(header(name + "/", TarConstants.LF_DIR, 040755, timestamp));
                        tar.closeArchiveEntry();
                    }
                    case SYMLINK -> {
                        TarArchiveEntry link = header(name, TarConstants.LF_SYMLINK, 0120777, timestamp);
                        link.setLinkName(entry.linkTarget());
                        tar.putArchiveEntry(link);
                        tar.closeArchiveEntry();
                    }
                    case FILE -> {
                        TarArchiveEntry file = header(name, TarConstants.LF_NORMAL, entry.executable() ? 0100755 : 0100644,
                                timestamp);
                        file.setSize(entry.size());
                        tar.putArchiveEntry(file);
                        entry.writeData(tar);
                        tar.closeArchiveEntry();
                    }
                }
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static TarArchiveEntry header(String name, byte type, int mode, Instant timestamp) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(mode);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        entry.setLastModifiedTime(FileTime.from(timestamp));
        return entry;
    }

    /**
     * Reads an archive from a channel: its single top folder and what it holds (a hard link is read as a copy
     * of the file it links to).
     */
    public static Contents read(Path archive) throws ProvdBuildException {
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new BZip2CompressorInputStream(in), "UTF-8")) {
            String top = null;
            List<ContentEntry> entries = new ArrayList<>();
            Map<String, byte[]> files = new HashMap<>();
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = strip(entry.getName());
                int slash = name.indexOf('/');
                String first = slash < 0 ? name : name.substring(0, slash);
                if (top == null) {
                    top = first;
                } else if (!top.equals(first)) {
                    throw new ProvdBuildException(archive + ": holds " + top + "/ and " + first
                            + ": a plugin archive has one top folder");
                }
                if (slash < 0) {
                    continue;
                }
                String path = name.substring(slash + 1);
                if (entry.isDirectory()) {
                    entries.add(ContentEntry.directory(path, ""));
                } else if (entry.isSymbolicLink()) {
                    entries.add(ContentEntry.symlink(path, entry.getLinkName(), ""));
                } else if (entry.isLink()) {
                    byte[] data = files.getOrDefault(strip(entry.getLinkName()), new byte[0]);
                    entries.add(ContentEntry.file(path, data, (entry.getMode() & 0111) != 0, ""));
                } else if (entry.isFile()) {
                    byte[] data = tar.readAllBytes();
                    files.put(name, data);
                    entries.add(ContentEntry.file(path, data, (entry.getMode() & 0111) != 0, ""));
                }
            }
            if (top == null) {
                throw new ProvdBuildException(archive + ": is empty");
            }
            return new Contents(top, new PluginContent(entries));
        } catch (IOException e) {
            throw new ProvdBuildException(archive + ": is not a readable .tar.bz2: " + e.getMessage(), e);
        }
    }

    private static String strip(String name) {
        String stripped = name.startsWith("./") ? name.substring(2) : name;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
