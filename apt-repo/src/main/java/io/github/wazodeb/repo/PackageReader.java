package io.github.wazodeb.repo;

import io.github.wazodeb.deb.inspect.DebContents;
import io.github.wazodeb.deb.inspect.DebInspector;
import io.github.wazodeb.deb.inspect.InvalidPackageException;
import io.github.wazodeb.model.DebianVersion;
import java.io.EOFException;
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
import java.util.Arrays;
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

    private static final byte[] AR_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

    private PackageReader() {
    }

    /** The entry, or the one line that keeps {@code deb} out of a repository, naming the file. */
    static Result read(Path deb) throws IOException {
        DebContents contents;
        try {
            contents = DebInspector.inspect(deb);
        } catch (InvalidPackageException e) {
            return Result.problem(deb + ": " + unreadable(deb, e));
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
            return Optional.of("Package \"" + printable(fields.get("Package")) + "\" is not a valid package name"
                    + " (lower-case letters, digits and + - ., at least two, starting with a letter or digit)");
        }
        Optional<String> version = DebianVersion.problem(fields.get("Version"));
        if (version.isPresent()) {
            return Optional.of("Version \"" + printable(fields.get("Version")) + "\" is not a valid Debian version: "
                    + version.get());
        }
        if (!ARCHITECTURE.matcher(fields.get("Architecture")).matches()) {
            return Optional.of("Architecture \"" + printable(fields.get("Architecture"))
                    + "\" is not a valid architecture name");
        }
        return Optional.empty();
    }

    /**
     * The reason in a person's words. The archive libraries' own messages can quote the file's raw bytes
     * ("Invalid header" and what it read) or be missing ("null"), so they are never shown; deb-builder's own
     * sentences, which carry no cause, are.
     */
    private static String unreadable(Path deb, InvalidPackageException e) throws IOException {
        if (!startsWithArMagic(deb)) {
            return "not a Debian package (a .deb is an ar archive, and this file does not start as one)";
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            String message = e.getMessage();
            String prefix = deb.toString();
            String reason = message.startsWith(prefix) ? message.substring(prefix.length()).strip() : message;
            return printable(reason.startsWith("is ") || reason.startsWith("has ") ? "it " + reason : reason);
        }
        if (cause instanceof EOFException || cause.getMessage() == null) {
            return "truncated or damaged: the file ends inside one of its members (an interrupted copy?)";
        }
        String message = cause.getMessage();
        if (message.startsWith("member ") || message.startsWith("control file ")) {
            return printable(message);
        }
        return "damaged: one of its members cannot be read as a tar archive or a compressed stream";
    }

    private static boolean startsWithArMagic(Path deb) throws IOException {
        try (InputStream in = Files.newInputStream(deb)) {
            return Arrays.equals(in.readNBytes(AR_MAGIC.length), AR_MAGIC);
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with anything but printable ASCII shown as {@code ?}, so a message stays one clean line. */
    private static String printable(String text) {
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> clean.append(c >= ' ' && c <= '~' ? (char) c : '?'));
        return clean.toString();
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
