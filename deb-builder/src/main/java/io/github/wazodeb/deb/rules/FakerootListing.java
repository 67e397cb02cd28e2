package io.github.wazodeb.deb.rules;

import io.github.wazodeb.deb.archive.FakedModes;
import io.github.wazodeb.deb.archive.FileNames;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the payload's modes and file types as fakeroot recorded them during the package step. Only a
 * process inside the fakeroot session sees them, so GNU find lists them there (from the state fakeroot
 * saved); each entry is compared with the disk as the list streams by, and only the ones that differ are
 * kept.
 */
final class FakerootListing {

    /** mode in octal, type letter, path relative to pkgdir: each NUL-terminated, so any name fits. */
    private static final String FORMAT = "%m\\0%y\\0%P\\0";

    private FakerootListing() {
    }

    static FakedModes read(String fakeroot, Path state, Path pkgdir, Path scratch)
            throws IOException, InterruptedException {
        Path listing = scratch.resolve("fakeroot.listing");
        Path errors = scratch.resolve("fakeroot.errors");
        Process find = new ProcessBuilder(List.of(fakeroot, "-i", state.toString(), "--",
                "find", pkgdir.toString(), "-printf", FORMAT))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(listing.toFile())
                .redirectError(errors.toFile())
                .start();
        int status;
        try {
            status = find.waitFor();
        } catch (InterruptedException e) {
            find.destroyForcibly();
            throw e;
        }
        if (status != 0) {
            throw new IOException("could not read the payload's modes as fakeroot recorded them (find exited "
                    + status + "): " + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
        Map<String, Integer> differing = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(listing))) {
            for (;;) {
                byte[] mode = field(in);
                if (mode == null) {
                    break;
                }
                char type = (char) field(in)[0];
                byte[] name = field(in);
                String path;
                try {
                    path = FileNames.decode(name);
                } catch (FileNames.InvalidNameException e) {
                    continue; // not UTF-8: the payload walk refuses it, naming it
                }
                int faked = typeBits(type) | Integer.parseInt(new String(mode, StandardCharsets.US_ASCII), 8);
                Integer onDisk = diskMode(pkgdir, path);
                if (onDisk != null && onDisk != faked) {
                    differing.put(path, faked);
                }
            }
        }
        return new FakedModes(differing);
    }

    private static Integer diskMode(Path pkgdir, String path) throws IOException {
        Path file = path.isEmpty() ? pkgdir : FileNames.resolve(pkgdir, path);
        try {
            return (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static int typeBits(char type) {
        return switch (type) {
            case 'd' -> 0040000;
            case 'l' -> 0120000;
            case 'p' -> 0010000;
            case 's' -> 0140000;
            case 'c' -> 0020000;
            case 'b' -> 0060000;
            default -> 0100000;
        };
    }

    /** The next NUL-terminated field, or null at the end. */
    private static byte[] field(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b > 0) {
            bytes.write(b);
            b = in.read();
        }
        if (b < 0) {
            throw new IOException("the fakeroot listing of the payload ended in the middle of an entry");
        }
        return bytes.toByteArray();
    }
}
