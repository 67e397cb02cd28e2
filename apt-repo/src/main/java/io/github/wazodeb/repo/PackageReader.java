package io.github.wazodeb.repo;

import io.github.wazodeb.deb.inspect.DebContents;
import io.github.wazodeb.deb.inspect.DebInspector;
import io.github.wazodeb.deb.inspect.InvalidPackageException;
import io.github.wazodeb.deb.inspect.PrintableText;
import io.github.wazodeb.model.DebianVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one {@code .deb} into its {@link PackageEntry}, with our own reader (no dpkg), and checks what an index
 * would copy from it: its control file parses as dpkg parses it, carries no field only an index may carry, and
 * names the package with a name, version and architecture dpkg accepts (they also make its pool path, so
 * nothing in them may climb out of it).
 */
final class PackageReader {

    /** What apt needs of every stanza to resolve and fetch the package. */
    private static final List<String> REQUIRED_FIELDS = List.of("Package", "Version", "Architecture");

    /** dpkg's rule for package names (deb-control(5)). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    /** dpkg's architecture names: lower-case letters, digits and hyphens. */
    private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private PackageReader() {
    }

    /** The entry, or the one line that keeps {@code deb} out of a repository, naming the file. */
    static Result read(Path deb) throws IOException {
        DebContents contents;
        try {
            contents = DebInspector.inspect(deb);
        } catch (InvalidPackageException e) {
            return Result.problem(e.getMessage()); // "<deb>: <why>", in words and printable
        }
        byte[] controlBytes = contents.controlFiles().get("control");
        Optional<String> problem = controlProblem(controlBytes);
        if (problem.isPresent()) {
            return Result.problem(deb + ": " + problem.get());
        }
        Map<String, String> fields = ControlText.paragraphs(utf8(controlBytes).orElseThrow()).paragraphs().get(0);
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(deb), md5), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        Instant newest = contents.dataEntries().stream().map(DebContents.DataEntry::modified)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        return Result.entry(new PackageEntry(deb.getFileName().toString(), fields, size,
                HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha256.digest()), newest));
    }

    /** Why the control file cannot be copied into an index, in words; empty when it can. */
    private static Optional<String> controlProblem(byte[] controlBytes) {
        Optional<String> text = utf8(controlBytes);
        if (text.isEmpty()) {
            return Optional.of("its control file is not UTF-8 text");
        }
        ControlText.Parsed parsed = ControlText.paragraphs(text.get());
        if (parsed.problem().isPresent()) {
            return Optional.of("its control file is not valid: " + parsed.problem().get());
        }
        if (parsed.paragraphs().size() != 1) {
            return Optional.of("its control file holds " + parsed.paragraphs().size()
                    + " paragraphs; a package has exactly one");
        }
        Map<String, String> fields = parsed.paragraphs().get(0);
        Optional<String> reserved = IndexOnlyFields.firstIn(fields);
        if (reserved.isPresent()) {
            return Optional.of("its control file carries the field " + reserved.get()
                    + ", which only a repository's index may carry: refused, the repository writes its own");
        }
        for (String field : REQUIRED_FIELDS) {
            String value = fields.get(field);
            if (value == null || value.isBlank()) {
                return Optional.of("control file has no " + field + " field");
            }
        }
        if (!NAME.matcher(fields.get("Package")).matches()) {
            return Optional.of("Package \"" + PrintableText.of(fields.get("Package"))
                    + "\" is not a valid package name"
                    + " (lower-case letters, digits and + - ., at least two, starting with a letter or digit)");
        }
        Optional<String> version = DebianVersion.problem(fields.get("Version"));
        if (version.isPresent()) {
            return Optional.of("Version \"" + PrintableText.of(fields.get("Version"))
                    + "\" is not a valid Debian version: " + version.get());
        }
        if (!ARCHITECTURE.matcher(fields.get("Architecture")).matches()) {
            return Optional.of("Architecture \"" + PrintableText.of(fields.get("Architecture"))
                    + "\" is not a valid architecture name");
        }
        return Optional.empty();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
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
