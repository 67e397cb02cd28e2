package io.github.wazodeb.maven;

import io.github.wazodeb.repo.InvalidRepositoryException;
import io.github.wazodeb.repo.PackageEntry;
import io.github.wazodeb.repo.PublishConflictException;
import io.github.wazodeb.repo.PublishResult;
import io.github.wazodeb.repo.Publisher;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Publishes the module's own package, the one {@code wazo:package} attached, into a standard apt repository
 * (as {@code wazo-deb publish} does): the file under {@code pool/main/}, the suite's index under
 * {@code dists/SUITE/main/binary-all/}. A published version never changes: the same version with other bytes
 * fails the build; the same bytes is nothing to do. The key's passphrase is read from the environment variable
 * {@code WAZO_DEB_KEY_PASSPHRASE}, never from the POM.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractMojo {

    /** The repository's root folder, shared by the CI jobs that publish (created if missing). */
    @Parameter(property = "wazo.publishTo", required = true)
    private File publishTo;

    /** The suite to list the package in, such as {@code testing}. */
    @Parameter(property = "wazo.suite", defaultValue = Publisher.DEFAULT_SUITE)
    private String suite;

    /**
     * An OpenPGP secret key file ({@code gpg --armor --export-secret-keys KEYID}) to sign the suite with; its
     * passphrase is read from the environment variable {@code WAZO_DEB_KEY_PASSPHRASE}. Unsigned when unset.
     */
    @Parameter(property = "wazo.keyFile")
    private File keyFile;

    /** Keeps only this many newest versions of each package in the suite; all when unset. */
    @Parameter(property = "wazo.keep")
    private Integer keep;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:publish (wazo.skip)");
            return;
        }
        Path root = publishTo.toPath().toAbsolutePath().normalize();
        Path deb = ownPackage();
        PublishResult result;
        try {
            result = publisher(root, System.getenv()).publish(List.of(deb));
        } catch (ParameterException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (InvalidRepositoryException e) {
            throw new MojoFailureException(refused(root, e.problems()));
        } catch (PublishConflictException e) {
            throw new MojoFailureException(refused(root, e.conflicts()));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not publish to " + root + ": " + e.getMessage(), e);
        }
        report(root, result);
    }

    /** The {@code .deb} wazo:package attached to this module. */
    private Path ownPackage() throws MojoFailureException {
        return project.getAttachedArtifacts().stream()
                .filter(artifact -> "deb".equals(artifact.getType()) && artifact.getFile() != null)
                .map(Artifact::getFile).map(File::toPath).findFirst()
                .orElseThrow(() -> new MojoFailureException("wazo:publish publishes the package wazo:package "
                        + "attached to " + project.getArtifactId() + ", and there is none: run wazo:package first "
                        + "(bind wazo:publish to a later phase, or list it after package in the same execution)"));
    }

    private Publisher publisher(Path root, Map<String, String> environment) throws ParameterException, IOException {
        Publisher publisher = Publisher.into(root).suite(suite)
                .onWait(lock -> getLog().info("Another publisher is at work on " + root + ", waiting for it to"
                        + " finish (lock " + lock + ")"));
        if (keep != null) {
            if (keep < 1) {
                throw new ParameterException("keep", "wazo.keep", keep, "keep at least 1 version");
            }
            publisher = publisher.keeping(keep);
        }
        Optional<Instant> date = RepositoryParameters.sourceDateEpoch(environment);
        if (date.isPresent()) {
            publisher = publisher.dated(date.get());
        }
        Optional<SigningKey> key = RepositoryParameters.signingKey(keyFile, environment);
        return key.isPresent() ? publisher.signedBy(key.get()) : publisher;
    }

    private void report(Path root, PublishResult result) {
        for (PackageEntry entry : result.added()) {
            getLog().info("Published " + entry.name() + " " + entry.version() + " to " + result.suite() + " ("
                    + root.resolve(entry.fileName()) + ")");
        }
        for (PackageEntry entry : result.alreadyListed()) {
            getLog().info(entry.name() + " " + entry.version() + " is already in " + result.suite()
                    + " with the same bytes: nothing to do");
        }
        for (PackageEntry entry : result.dropped()) {
            getLog().info(result.suite() + " no longer lists " + entry.name() + " " + entry.version() + " (keep)");
        }
        for (Path removed : result.poolFilesRemoved()) {
            getLog().info("Removed " + removed + ", which no suite lists");
        }
        getLog().info("apt repository " + root + ": suite " + result.suite() + (result.changed()
                ? " written" + (result.signed() ? ", signed by " + result.signedBy() : ", unsigned")
                : " unchanged"));
    }

    private static String refused(Path root, List<String> problems) {
        StringBuilder text = new StringBuilder("Cannot publish to ").append(root).append(", nothing was published:");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
