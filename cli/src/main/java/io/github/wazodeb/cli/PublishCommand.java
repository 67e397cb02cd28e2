package io.github.wazodeb.cli;

import io.github.wazodeb.repo.Publisher;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wazo-deb publish PKG... --to DIR [--suite NAME] [--key KEYFILE] [--keep N]}. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
                "Adds the packages to a standard apt repository in DIR: the files under pool/main/, the suite's "
                        + "index under dists/SUITE/main/binary-all/, read with 'deb [signed-by=KEY] URI SUITE main'.",
                "",
                "A published version never changes: the same name and version with other bytes is refused (exit "
                        + "1), the same bytes is nothing to do. Publishers of one DIR take turns on a lock; apt "
                        + "reading during a publish sees the old index or the new one, never a mix.",
                "",
                "Prints the path of each file written on standard output. The key's passphrase is read from the "
                        + "environment variable " + SigningKey.PASSPHRASE_VARIABLE + "."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PKG", description = "The .deb files to publish.")
    private List<Path> packages;

    @Option(names = "--to", required = true, paramLabel = "DIR",
            description = "The repository's root folder (created if missing).")
    private Path root;

    @Option(names = "--suite", paramLabel = "NAME", defaultValue = Publisher.DEFAULT_SUITE,
            description = "The suite to list them in, such as testing (default: ${DEFAULT-VALUE}).")
    private String suite;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "An OpenPGP secret key (gpg --armor --export-secret-keys KEYID > KEYFILE) to sign with.")
    private Path keyFile;

    @Option(names = "--keep", paramLabel = "N",
            description = "Keep only the N newest versions of each package in the suite (dpkg order); a pool "
                    + "file goes when no suite lists it.")
    private Integer keep;

    @Override
    public Integer call() throws UsageException, IOException {
        Publisher publisher = Publisher.into(root).suite(suite);
        if (keep != null) {
            if (keep < 1) {
                throw new UsageException("--keep " + keep + ": keep at least 1 version");
            }
            publisher = publisher.keeping(keep);
        }
        return PublishReport.run(root, keyFile, publisher, spec, "published",
                configured -> configured.publish(packages));
    }
}
