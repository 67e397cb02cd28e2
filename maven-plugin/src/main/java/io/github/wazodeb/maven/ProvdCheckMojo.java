package io.github.wazodeb.maven;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.VersionCheck;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a provd plugin changed without a higher version, compared with an earlier channel
 * folder or git ref, or when a {@code plugin-info} or {@code pkgs.db} is wrong; as {@code wazo-deb provd check}.
 */
@Mojo(name = "provd-check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ProvdCheckMojo extends AbstractMojo {

    /** The plugins tree: the folder of the plugin families (each with a {@code build.py}). */
    @Parameter(property = "wazo.provd.tree", defaultValue = "${project.basedir}/plugins", required = true)
    private File tree;

    /** The earlier state: a channel folder (with its plugins.db) or a git ref of the tree's repository. */
    @Parameter(property = "wazo.provd.against", required = true)
    private String against;

    /**
     * Publish links that leave their plugin (absolute, or climbing above its top folder) and source folders reached
     * through a link out of the tree, with a warning each, instead of failing.
     */
    @Parameter(property = "wazo.provd.allowExternalLinks", defaultValue = "false")
    private boolean allowExternalLinks;

    /**
     * A folder of firmware downloads ({@code wazo-deb provd firmware TREE --download --cache DIR}): each firmware
     * file's size and sha1sum is compared with its download there, where there is one.
     */
    @Parameter(property = "wazo.provd.firmwareCache")
    private File firmwareCache;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:provd-check (wazo.skip)");
            return;
        }
        Path folder = tree.toPath().toAbsolutePath().normalize();
        VersionCheck.Report report;
        try {
            report = new VersionCheck(folder, against, new ProvdLogListener(getLog()))
                    .allowingExternalLinks(allowExternalLinks)
                    .verifyingFirmwareFrom(Optional.ofNullable(firmwareCache).map(File::toPath)).run();
        } catch (InvalidPluginException e) {
            throw new MojoFailureException(FailureMessages.invalidPlugin(folder, e.problems()));
        } catch (ProvdBuildException e) {
            throw new MojoFailureException("Could not check the provd plugins of " + folder + ": " + e.getMessage());
        }
        if (!report.passed()) {
            throw new MojoFailureException(FailureMessages.invalidPlugin(folder, report.problems()));
        }
        getLog().info("Firmware: " + report.firmwareVerified() + " files' size and sha1sum verified against their download, "
                + report.firmwareByForm() + " checked by form only");
        getLog().info(report.plugins() + " provd plugins checked against " + against + ", " + report.changed()
                + " changed, each with a higher version");
    }
}
