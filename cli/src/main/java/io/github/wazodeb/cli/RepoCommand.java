package io.github.wazodeb.cli;

import io.github.wazodeb.repo.AptRepository;
import io.github.wazodeb.repo.InvalidRepositoryException;
import io.github.wazodeb.repo.RepositoryIndex;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb repo DIR [--key KEYFILE]}: makes the folder of packages a flat apt repository. */
@Command(
        name = "repo",
        mixinStandardHelpOptions = true,
        description = {
                "Writes Packages, Packages.gz, Packages.xz and Release for the .deb files in DIR, and with --key "
                        + "InRelease and Release.gpg: a flat apt repository, read with "
                        + "'deb [signed-by=KEY] URI ./'.",
                "",
                "Prints the path of each file written on standard output. The same folder always gives the "
                        + "same bytes; Release's Date is SOURCE_DATE_EPOCH when set, else the newest file time "
                        + "in the packages.",
                "",
                "The key's passphrase is read from the environment variable " + SigningKey.PASSPHRASE_VARIABLE
                        + ", never from an option."})
final class RepoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .deb files.")
    private Path directory;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "An OpenPGP secret key (gpg --armor --export-secret-keys KEYID > KEYFILE) to sign with.")
    private Path keyFile;

    @Override
    public Integer call() throws UsageException, IOException {
        Map<String, String> environment = System.getenv();
        AptRepository repository = AptRepository.in(directory);
        Optional<Instant> date = RepositoryInputs.sourceDateEpoch(environment);
        if (date.isPresent()) {
            repository = repository.dated(date.get());
        }
        if (keyFile != null) {
            repository = repository.signedBy(RepositoryInputs.signingKey(keyFile, environment));
        }
        PrintWriter err = spec.commandLine().getErr();
        RepositoryIndex index;
        try {
            index = repository.write();
        } catch (InvalidRepositoryException invalid) {
            for (String problem : invalid.problems()) {
                err.println("wazo-deb: " + problem);
            }
            err.println("wazo-deb: " + directory + ": nothing was written");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        index.written().forEach(out::println);
        out.flush();
        for (Path removed : index.removed()) {
            err.println("wazo-deb: removed " + removed + ", which no longer matched the unsigned Release");
        }
        int count = index.packages().size();
        err.println("wazo-deb: " + directory + ": " + count + (count == 1 ? " package" : " packages") + " listed"
                + (index.signed() ? ", signed by " + index.signedBy() : ", unsigned"));
        err.flush();
        return ExitCodes.DONE;
    }
}
