package io.github.wazodeb.maven;

import io.github.wazodeb.repo.AptRepository;
import io.github.wazodeb.repo.InvalidRepositoryException;
import io.github.wazodeb.repo.RepositoryIndex;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes a folder of {@code .deb} files a flat apt repository: {@code Packages}, {@code Packages.gz},
 * {@code Packages.xz} and {@code Release}, and with a key {@code InRelease} and {@code Release.gpg}. The key's
 * passphrase is read from the environment variable {@code WAZO_DEB_KEY_PASSPHRASE}, never from the POM.
 * {@code Release}'s {@code Date} is {@code SOURCE_DATE_EPOCH} when set, else the newest file time in the
 * packages.
 */
@Mojo(name = "repo", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class RepoMojo extends AbstractMojo {

    /** The folder holding the packages, where the index is written. */
    @Parameter(property = "wazo.repositoryDirectory", defaultValue = "${project.build.directory}", required = true)
    private File repositoryDirectory;

    /**
     * An OpenPGP secret key file ({@code gpg --armor --export-secret-keys KEYID}) to sign the index with;
     * its passphrase is read from the environment variable {@code WAZO_DEB_KEY_PASSPHRASE}, never from the
     * POM. Unsigned when unset.
     */
    @Parameter(property = "wazo.keyFile")
    private File keyFile;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:repo (wazo.skip)");
            return;
        }
        Path directory = repositoryDirectory.toPath().toAbsolutePath().normalize();
        Map<String, String> environment = System.getenv();
        RepositoryIndex index;
        try {
            index = repository(directory, environment).write();
        } catch (ParameterException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (InvalidRepositoryException e) {
            throw new MojoFailureException(invalidRepository(directory, e.problems()));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the apt repository in " + directory + ": "
                    + e.getMessage(), e);
        }
        for (Path removed : index.removed()) {
            getLog().info("Removed " + removed + ", which no longer matched the unsigned Release");
        }
        for (Path written : index.written()) {
            getLog().info("Wrote " + written);
        }
        getLog().info("apt repository " + directory + ": " + index.packages().size() + " package(s)"
                + (index.signed() ? ", signed by " + index.signedBy() : ", unsigned"));
    }

    private AptRepository repository(Path directory, Map<String, String> environment)
            throws ParameterException, IOException {
        AptRepository repository = AptRepository.in(directory);
        Optional<Instant> date = RepositoryParameters.sourceDateEpoch(environment);
        if (date.isPresent()) {
            repository = repository.dated(date.get());
        }
        Optional<SigningKey> key = RepositoryParameters.signingKey(keyFile, environment);
        return key.isPresent() ? repository.signedBy(key.get()) : repository;
    }

    /** One line per problem, each naming its file, under the folder that could not become a repository. */
    private static String invalidRepository(Path directory, List<String> problems) {
        StringBuilder text = new StringBuilder("Cannot make an apt repository of ").append(directory)
                .append(", nothing was written:");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
