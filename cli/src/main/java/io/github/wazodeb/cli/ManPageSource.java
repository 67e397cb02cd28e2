package io.github.wazodeb.cli;

import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc sources of the manual pages, {@code wazo-deb.adoc} and one per subcommand
 * ({@code wazo-deb-package.adoc}, ...), from the commands' own help, with picocli-codegen's
 * {@link ManPageGenerator}. The distribution module runs it at build time, turns the files into roff with
 * Asciidoctor and installs them with the {@code .deb}. Never run by the command: picocli-codegen is on the
 * build's class path only (a provided dependency).
 */
public final class ManPageSource {

    private ManPageSource() {
    }

    /** Argument: the folder to write the {@code .adoc} files to. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPageSource OUTPUT_DIRECTORY");
        }
        int status = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], false,
                WazoDebCommand.allCommands().getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator failed with status " + status);
        }
    }
}
