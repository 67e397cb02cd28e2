package io.github.wazodeb.deb.inspect;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a {@code .deb} back: its members, control files and data entries, without dpkg. Streams the data
 * member, keeping only entry headers, so any package size reads in constant memory.
 */
public final class DebInspector {

    private static final int MAX_CONTROL_FILE = 16 * 1024 * 1024;

    private DebInspector() {
    }

    /**
     * The package's contents.
     *
     * @throws InvalidPackageException the file is not a package this can read; its message is one printable
     *     line, {@code "<deb>: <why, in words>"}, never the file's raw bytes
     * @throws IOException the file cannot be read at all
     */
    public static DebContents inspect(Path deb) throws IOException {
        List<DebContents.Member> members = new ArrayList<>();
        Map<String, byte[]> controlFiles = new LinkedHashMap<>();
        List<DebContents.DataEntry> dataEntries = new ArrayList<>();
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry member;
            while ((member = ar.getNextEntry()) != null) {
                String name = member.getName();
                members.add(new DebContents.Member(name, member.getLength()));
                if (name.startsWith("control.tar")) {
                    readControl(decompress(name, ar), controlFiles);
                } else if (name.startsWith("data.tar")) {
                    readData(decompress(name, ar), dataEntries);
                }
            }
        } catch (IOException e) {
            throw new InvalidPackageException(deb + ": " + UnreadablePackage.reason(deb, e), e);
        }
        if (members.isEmpty() && !UnreadablePackage.startsAsAnArArchive(deb)) {
            throw new InvalidPackageException(deb + ": " + UnreadablePackage.notAnArArchive(), null);
        }
        if (members.isEmpty() || !members.get(0).name().equals("debian-binary")) {
            throw new InvalidPackageException(
                    deb + ": it is not a Debian package: it does not start with debian-binary", null);
        }
        if (!controlFiles.containsKey("control")) {
            throw new InvalidPackageException(deb + ": it has no control file", null);
        }
        String control = new String(controlFiles.get("control"), StandardCharsets.UTF_8);
        return new DebContents(members, controlFiles, ControlParser.fields(control), dataEntries);
    }

    /** The member's content, uncompressed; the returned stream does not close the ar stream under it. */
    private static InputStream decompress(String memberName, InputStream member) throws IOException {
        InputStream shielded = new BufferedInputStream(new FilterInputStream(member) {
            @Override
            public void close() {
                // The ar stream moves on to the next member; it must stay open.
            }
        });
        if (memberName.endsWith(".gz")) {
            return new GzipCompressorInputStream(shielded, true);
        }
        if (memberName.endsWith(".xz")) {
            return new XZInputStream(shielded);
        }
        if (memberName.endsWith(".zst")) {
            return new ZstdInputStreamNoFinalizer(shielded);
        }
        if (memberName.endsWith(".tar")) {
            return shielded;
        }
        throw new IOException("member " + memberName + " uses a compression wazo-deb does not read");
    }

    private static void readControl(InputStream in, Map<String, byte[]> files) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (entry.isFile()) {
                if (entry.getSize() > MAX_CONTROL_FILE) {
                    throw new IOException("control file " + entry.getName() + " is too large");
                }
                files.put(stripDotSlash(entry.getName()), tar.readAllBytes());
            }
        }
    }

    private static void readData(InputStream in, List<DebContents.DataEntry> entries) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            entries.add(new DebContents.DataEntry(entry.getName(), typeOf(entry), entry.getMode() & 07777,
                    nameOrId(entry.getUserName(), entry.getLongUserId()),
                    nameOrId(entry.getGroupName(), entry.getLongGroupId()), entry.getSize(),
                    entry.getLastModifiedDate().toInstant(), entry.getLinkName()));
        }
    }

    private static char typeOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return 'd';
        }
        if (entry.isSymbolicLink()) {
            return 'l';
        }
        if (entry.isLink()) {
            return 'h';
        }
        if (entry.isCharacterDevice()) {
            return 'c';
        }
        if (entry.isBlockDevice()) {
            return 'b';
        }
        if (entry.isFIFO()) {
            return 'p';
        }
        return entry.isFile() ? '-' : '?';
    }

    private static String nameOrId(String name, long id) {
        return name == null || name.isEmpty() ? Long.toString(id) : name;
    }

    private static String stripDotSlash(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }
}
