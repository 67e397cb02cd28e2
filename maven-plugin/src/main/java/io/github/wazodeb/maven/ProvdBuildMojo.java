package io.github.wazodeb.maven;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.BuildTime;
import io.github.wazodeb.provd.ChannelBuild;
import io.github.wazodeb.provd.ProvdBuildException;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds a provd plugins tree into a channel folder: one reproducible {@code .tar.bz2} per plugin and the
 * channel's {@code plugins.db}, as {@code wazo-deb provd build} does.
 */
@Mojo(name = "provd-build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ProvdBuildMojo extends AbstractMojo {

    /** The plugins tree: the folder of the plugin families (each with a {@code build.py}). */
    @Parameter(property = "wazo.provd.tree", defaultValue = "${project.basedir}/plugins", required = true)
    private File tree;

    /** The channel folder written: archives and {@code plugins.db}; created if missing. */
    @Parameter(property = "wazo.provd.channel", defaultValue = "${project.build.directory}/provd/testing", required = true)
    private File channel;

    /** Families, family/target pairs or plugin ids to build; all when empty. */
    @Parameter(property = "wazo.provd.targets")
    private List<String> targets;

    /**
     * The time of every entry: seconds since 1970 or ISO-8601. Defaults to {@code project.build.outputTimestamp};
     * when neither is set, {@code SOURCE_DATE_EPOCH}, else the last commit that touched the tree when it is a git
     * checkout, else 2000-01-01T00:00:00Z.
     */
    @Parameter(property = "wazo.timestamp", defaultValue = "${project.build.outputTimestamp}")
    private String timestamp;

    /**
     * Publish links that leave their plugin (absolute, or climbing above its top folder) and source folders reached
     * through a link out of the tree, with a warning each, instead of failing.
     */
    @Parameter(property = "wazo.provd.allowExternalLinks", defaultValue = "false")
    private boolean allowExternalLinks;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:provd-build (wazo.skip)");
            return;
        }
        Path folder = tree.toPath().toAbsolutePath().normalize();
        try {
            Optional<Instant> given = ParameterValues.timestamp(timestamp);
            BuildTime built = given.isPresent() ? new BuildTime(given.get(), "project.build.outputTimestamp")
                    : BuildTime.of(folder, System.getenv());
            getLog().info("Entry times: " + built.describe());
            Instant time = built.instant();
            List<ChannelBuild.Published> published = new ChannelBuild(folder, channel.toPath(),
                    targets == null ? List.of() : targets, time, new ProvdLogListener(getLog()))
                    .allowingExternalLinks(allowExternalLinks).run();
            for (ChannelBuild.Published plugin : published) {
                getLog().info((plugin.written() ? "Built " : "Kept, as published: ") + plugin.archive() + " (" + plugin.pluginId() + " " + plugin.version() + ", "
                        + plugin.size() + " bytes, sha1 " + plugin.sha1sum() + ")");
            }
        } catch (ParameterException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (InvalidPluginException e) {
            throw new MojoFailureException(FailureMessages.invalidPlugin(folder, e.problems()));
        } catch (ProvdBuildException e) {
            throw new MojoFailureException("Could not build the provd plugins of " + folder + ": " + e.getMessage());
        }
    }
}
