package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small provd plugins tree shaped like wazo-provd-plugins, for the {@code provd} ITs: family {@code wazo_acme}
 * with a {@code common/} folder, two copy-only targets (one with an anchored exclude rule) and a pkgs.db.
 */
final class ProvdTreeFixture {

    static final String BUILD_PY = """
            from subprocess import check_call


            @target('v1', 'wazo-acme-1')
            def build_v1(path):
                check_call(['rsync', '-rlp', '--exclude', '.*', '--exclude', '/templates/A2*', 'common/', path])
                check_call(['rsync', '-rlp', '--exclude', '.*', 'v1/', path])


            @target('v2', 'wazo-acme-2')
            def build_v2(path):
                check_call(['rsync', '-rlp', '--exclude', '.*', 'common/', path])
                check_call(['rsync', '-rlp', '--exclude', '.*', 'v2/', path])
            """;

    static final String PKGS_DB = """
            [pkg_fw]
            description: Firmware
            version: 1.0
            files: fw
            install: fw

            [install_fw]
            a-b: unzip $FILE1

            # from the vendor
            [file_fw]
            url: https://example.com/fw/A1.zip
            size: 0
            sha1sum: 0000000000000000000000000000000000000000
            """;

    private final Path tree;

    private ProvdTreeFixture(Path tree) {
        this.tree = tree;
    }

    /** Writes the tree into {@code tree}. */
    static ProvdTreeFixture acme(Path tree) throws IOException {
        ProvdTreeFixture fixture = new ProvdTreeFixture(tree);
        fixture.write("wazo_acme/build.py", BUILD_PY);
        fixture.write("wazo_acme/common/templates/base.tpl", "base\n");
        fixture.write("wazo_acme/common/templates/A2.tpl", "A2\n");
        fixture.write("wazo_acme/common/.hidden", "never published\n");
        fixture.write("wazo_acme/v1/plugin-info", info("1.0.9"));
        fixture.write("wazo_acme/v2/plugin-info", info("2.0"));
        fixture.write("wazo_acme/v1/pkgs/pkgs.db", PKGS_DB);
        return fixture;
    }

    Path root() {
        return tree;
    }

    Path write(String path, String text) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static String info(String version) {
        return "{\n  \"version\": \"" + version + "\",\n  \"description\": \"Acme\",\n"
                + "  \"capabilities\": {\"Acme, A1, 1\": {\"lines\": 1}}\n}\n";
    }
}
