package io.github.wazodeb.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * What Debian's policy and lintian ask of wazo-deb's own package besides the program and its copyright:
 * a changelog in Debian's format ({@code /usr/share/doc/wazo-deb/changelog.gz}, a native package's name for
 * it), the manual pages ({@code /usr/share/man/man1/*.1.gz}, made at build time from the commands' help),
 * both gzipped as {@code gzip -9n} does (best compression, no name, no time: the package stays
 * reproducible), and the lintian overrides of what lintian cannot know (the {@code lintian-overrides}
 * resource says why for each).
 */
final class PolicyFiles {

    static final String CHANGELOG = "usr/share/doc/wazo-deb/changelog.gz";
    static final String MAN_SECTION_1 = "usr/share/man/man1/";
    static final String LINTIAN_OVERRIDES = "usr/share/lintian/overrides/wazo-deb";

    /** RFC 5322 time, as dpkg-parsechangelog reads a changelog's trailer line. */
    private static final DateTimeFormatter TRAILER_TIME =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PolicyFiles() {
    }

    /**
     * Stages the changelog and every {@code *.1} page of {@code manPages} (the roff that Asciidoctor wrote
     * from the AsciiDoc of the CLI's ManPageSource); there must be at least {@code wazo-deb.1}. Then the
     * lintian overrides.
     */
    static void stage(StagingTree tree, String debianVersion, Instant timestamp, Path manPages) throws IOException {
        tree.file(CHANGELOG, gzip(changelog(debianVersion, timestamp)), 0644);
        tree.file(LINTIAN_OVERRIDES, Resources.bytes("lintian-overrides"), 0644);
        List<Path> pages;
        try (Stream<Path> files = Files.list(manPages)) {
            pages = files.filter(file -> file.getFileName().toString().endsWith(".1")).sorted().toList();
        }
        if (pages.stream().noneMatch(page -> page.getFileName().toString().equals("wazo-deb.1"))) {
            throw new IllegalStateException(manPages + " holds no wazo-deb.1: the build's man-pages step did not run");
        }
        for (Path page : pages) {
            tree.file(MAN_SECTION_1 + page.getFileName() + ".gz", gzip(Files.readAllBytes(page)), 0644);
        }
    }

    /** One entry for this version, in the format of deb-changelog(5). */
    static byte[] changelog(String debianVersion, Instant timestamp) {
        return String.join("\n",
                "wazo-deb (" + debianVersion + ") unstable; urgency=medium",
                "",
                "  * wazo-deb " + debianVersion + ", built from its Maven project; the changes are",
                "    in the project's history: https://github.com/wazodeb/wazo-deb/commits",
                "",
                " -- " + SelfPackage.MAINTAINER + "  " + TRAILER_TIME.format(timestamp),
                "").getBytes(StandardCharsets.UTF_8);
    }

    /** As {@code gzip -9n}: level 9 (which the header's flags then say), no file name, time 0, Unix. */
    static byte[] gzip(byte[] content) throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(9);
        parameters.setModificationTime(0);
        parameters.setOperatingSystem(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes, parameters)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
