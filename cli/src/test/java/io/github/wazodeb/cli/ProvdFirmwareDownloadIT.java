package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd firmware TREE --download}: every [file_*] URL fetched from a server on 127.0.0.1 and compared. */
class ProvdFirmwareDownloadIT {

    private static final byte[] A1 = "firmware A1\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] A2 = "firmware A2, a longer file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    HttpServer server;
    AtomicInteger downloads = new AtomicInteger();
    ProvdTreeFixture tree;
    Path pkgs;
    String base;

    @BeforeEach
    void serveFirmwareAndWriteTree() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fw/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("A1.zip") ? A1 : A2;
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/old/", exchange -> {
            exchange.getResponseHeaders().add("Location", "/fw/A2.zip");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/gone/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        tree = ProvdTreeFixture.acme(work.resolve("plugins"));
        pkgs = tree.write("wazo_acme/v1/pkgs/pkgs.db", """
                [pkg_fw]
                description: Firmware
                version: 1.0
                files: a1 a2 gone vendor
                install: fw

                [install_fw]
                a-b: unzip $FILE1

                [file_a1]
                url: %1$s/fw/A1.zip
                size: %2$d
                sha1sum: %3$s

                # moved by the vendor: the old URL redirects
                [file_a2]
                url: %1$s/old/A2.zip
                size   = 3
                sha1sum: 0000000000000000000000000000000000000000

                [file_gone]
                url: %1$s/gone/A3.zip
                size: 1
                sha1sum: 0000000000000000000000000000000000000000

                [file_vendor]
                filename: vendor-only.zip
                url:
                size: 10
                sha1sum: 0000000000000000000000000000000000000000
                """.formatted(base, A1.length, sha1(A1)));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadNamesEachMismatchAndDeadLink() throws Exception {
        String before = Files.readString(pkgs);

        CliRun run = CliRun.wazoDeb(work, Map.of(), "provd", "firmware", "plugins", "--download");

        String file = "wazo_acme/v1/pkgs/pkgs.db";
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains(file + ":18: file_a2.size \"3\": " + base + "/old/A2.zip has " + A2.length)
                .contains(file + ":19: file_a2.sha1sum \"0000000000000000000000000000000000000000\": " + base
                        + "/old/A2.zip has " + sha1(A2))
                .contains(file + ":22: file_gone.url " + base + "/gone/A3.zip: HTTP 404 (a dead link)")
                .doesNotContain("file_a1.")
                .contains("] " + base + "/fw/A1.zip: " + A1.length + " bytes, sha1 " + sha1(A1))
                .contains("wazo-deb: 4 firmware files: 2 verified against their download, 1 without a url (checked by"
                        + " form only), 1 dead links, 2 values differ");
        assertThat(Files.readString(pkgs)).isEqualTo(before);
    }

    @Test
    void updateWritesWhatItDownloadedKeepingTheLayoutAndTheCacheServesTheNextRun() throws Exception {
        String before = Files.readString(pkgs);
        Path cache = work.resolve("cache");

        CliRun update = CliRun.wazoDeb(work, Map.of(), "provd", "firmware", "plugins", "--download", "--cache",
                cache.toString(), "--update");
        int afterFirst = downloads.get();
        String updated = Files.readString(pkgs);
        tree.write("wazo_acme/v1/pkgs/pkgs.db", Files.readString(pkgs).replace("a1 a2 gone vendor", "a1 a2 vendor")
                .replaceAll("\\[file_gone][^\\[]*", ""));
        CliRun again = CliRun.wazoDeb(work, Map.of(), "provd", "firmware", "plugins", "--download", "--cache",
                cache.toString());

        assertThat(update.exitCode()).as("a dead link is not fixed by an update: " + update).isEqualTo(1);
        assertThat(updated).isEqualTo(before.replace("size   = 3\nsha1sum: 0000000000000000000000000000000000000000",
                "size   = " + A2.length + "\nsha1sum: " + sha1(A2)));
        assertThat(cache.resolve("127.0.0.1/fw/A1.zip")).hasBinaryContent(A1);
        assertThat(cache.resolve("127.0.0.1/old/A2.zip")).hasBinaryContent(A2);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains(A1.length + " bytes, sha1 " + sha1(A1) + " (cached)");
        assertThat(downloads.get()).isEqualTo(afterFirst);
    }

    @Test
    void checkSaysHowManyFirmwareFilesItVerifiedAndHowManyOnlyByForm() throws Exception {
        Files.createDirectories(work.resolve("empty"));
        Files.writeString(work.resolve("empty/plugins.db"), "{}");
        Path cache = work.resolve("cache");
        CliRun.wazoDeb(work, Map.of(), "provd", "firmware", "plugins", "--download", "--cache", cache.toString());

        CliRun byForm = CliRun.wazoDeb(work, Map.of(), "provd", "check", "plugins", "--against", "empty");
        CliRun verified = CliRun.wazoDeb(work, Map.of(), "provd", "check", "plugins", "--against", "empty",
                "--firmware-cache", cache.toString());

        assertThat(byForm.exitCode()).as(byForm.toString()).isZero();
        assertThat(byForm.err()).contains("wazo-deb: firmware: 0 files' size and sha1sum verified against their"
                + " download, 4 checked by form only (provd firmware TREE --download verifies them)");
        assertThat(verified.exitCode()).as(verified.toString()).isEqualTo(2);
        assertThat(verified.err()).contains("wazo_acme/v1/pkgs/pkgs.db:18: file_a2.size \"3\" differs from the"
                        + " downloaded " + base + "/old/A2.zip: " + A2.length)
                .contains("wazo-deb: firmware: 2 files' size and sha1sum verified against their download, 2 checked by"
                        + " form only");
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
