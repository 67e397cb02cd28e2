package io.github.wazodeb.repo;

import io.github.wazodeb.deb.inspect.DebContents;
import io.github.wazodeb.deb.inspect.DebInspector;
import io.github.wazodeb.deb.inspect.InvalidPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads one {@code .deb} of the folder into its {@link PackageEntry}, with our own reader (no dpkg). */
final class PackageReader {

    /** What apt needs of every stanza to resolve and fetch the package. */
    private static final List<String> REQUIRED_FIELDS = List.of("Package", "Version", "Architecture");

    private PackageReader() {
    }

    /** The entry, or the problem that keeps {@code deb} out of a repository, naming the file. */
    static Result read(Path deb) throws IOException {
        DebContents contents;
        try {
            contents = DebInspector.inspect(deb);
        } catch (InvalidPackageException e) {
            return Result.problem(e.getMessage());
        }
        for (String field : REQUIRED_FIELDS) {
            String value = contents.controlFields().get(field);
            if (value == null || value.isBlank()) {
                return Result.problem(deb + ": control file has no " + field + " field");
            }
        }
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(deb), md5), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        Instant newest = contents.dataEntries().stream().map(DebContents.DataEntry::modified)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        return Result.entry(new PackageEntry(deb.getFileName().toString(), contents.controlFields(), size,
                HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha256.digest()), newest));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** Either an entry or one line saying why the file is not one. */
    record Result(Optional<PackageEntry> entry, Optional<String> problem) {

        static Result entry(PackageEntry entry) {
            return new Result(Optional.of(entry), Optional.empty());
        }

        static Result problem(String problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }
}
