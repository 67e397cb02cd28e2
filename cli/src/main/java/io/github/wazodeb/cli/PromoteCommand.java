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

/** {@code wazo-deb promote DIR FROM TO NAME[=VERSION]... [--key KEYFILE]}. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = {
                "Lists in suite TO the pool files suite FROM lists for each NAME (its newest version there) or "
                        + "NAME=VERSION, in the repository DIR that 'wazo-deb publish' writes. Nothing is copied.",
                "",
                "Prints the path of each file written on standard output. The key's passphrase is read from the "
                        + "environment variable " + SigningKey.PASSPHRASE_VARIABLE + "."})
final class PromoteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The repository's root folder.")
    private Path root;

    @Parameters(index = "1", paramLabel = "FROM", description = "The suite that lists the packages, such as testing.")
    private String from;

    @Parameters(index = "2", paramLabel = "TO", description = "The suite to list them in too, such as stable.")
    private String to;

    @Parameters(index = "3..*", arity = "1..*", paramLabel = "NAME[=VERSION]",
            description = "The packages, by name (newest version in FROM) or name=version.")
    private List<String> packages;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "An OpenPGP secret key (gpg --armor --export-secret-keys KEYID > KEYFILE) to sign with.")
    private Path keyFile;

    @Override
    public Integer call() throws UsageException, IOException {
        return PublishReport.run(root, keyFile, Publisher.into(root), spec, "promoted",
                publisher -> publisher.promote(from, to, packages));
    }
}
