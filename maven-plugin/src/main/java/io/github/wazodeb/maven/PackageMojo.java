package io.github.wazodeb.maven;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.DirectoryOptionCheck;
import io.github.wazodeb.deb.RulesStepException;
import io.github.wazodeb.deb.UnusableOptionException;
import io.github.wazodeb.deb.source.GitSource;
import io.github.wazodeb.deb.source.PluginSources;
import io.github.wazodeb.deb.source.SourceCheckout;
import io.github.wazodeb.model.InvalidPluginException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the Wazo plugin's Debian package, {@code wazo-plugind-<name>-<namespace>_<version>_all.deb}, as
 * wazo-plugind would on a server, and attaches it to the project (type {@code deb}) so that
 * {@code install} and {@code deploy} carry it.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractMojo {

    /** The plugin directory: the one holding {@code wazo/plugin.yml} and {@code wazo/rules}. */
    @Parameter(property = "wazo.pluginDirectory", defaultValue = "${project.basedir}", required = true)
    private File pluginDirectory;

    /** Where the {@code .deb} is written; created if missing. */
    @Parameter(property = "wazo.outputDirectory", defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /**
     * How both tar members are compressed: {@code xz} (the default), {@code zstd}, {@code gzip} or
     * {@code none}, in any case.
     */
    @Parameter(property = "wazo.compression", defaultValue = "xz")
    private String compression;

    /**
     * The compression level: gzip 1-9, xz 0-9, zstd 1-19, none only 0. Unset means
     * the compression's own default: xz 6, zstd 3, gzip 9.
     */
    @Parameter(property = "wazo.compressionLevel")
    private Integer compressionLevel;

    /**
     * The {@code Maintainer} field: {@code Full Name <address>} on one line. Defaults to wazo-plugind's own,
     * {@code Wazo Maintainers <dev+pkg@wazo.community>}.
     */
    @Parameter(property = "wazo.maintainer", defaultValue = BuildOptions.DEFAULT_MAINTAINER)
    private String maintainer;

    /**
     * The time of every entry: seconds since 1970 or ISO-8601 ({@code 2024-01-01T00:00:00Z}). Defaults to
     * {@code project.build.outputTimestamp}; when neither is set, {@code SOURCE_DATE_EPOCH}, else
     * 2000-01-01T00:00:00Z, so output is reproducible either way.
     */
    @Parameter(property = "wazo.timestamp", defaultValue = "${project.build.outputTimestamp}")
    private String timestamp;

    /**
     * A time limit for each rules step, as the CLI's {@code --step-timeout}: seconds ({@code 300}), a number
     * with {@code ms}, {@code s}, {@code m} or {@code h} ({@code 90s}, {@code 10m}, {@code 1h}) or ISO-8601
     * ({@code PT5M}); positive. No limit when unset.
     */
    @Parameter(property = "wazo.stepTimeout")
    private String stepTimeout;

    /**
     * Whether to run {@code wazo/rules build} and {@code wazo/rules package}; without them the package holds
     * the {@code wazo/} folder alone.
     */
    @Parameter(property = "wazo.runRules", defaultValue = "true")
    private boolean runRules;

    /**
     * Absolute file paths of the payload to mark as conffiles, each once ({@code <conffile>/etc/x.conf</conffile>}
     * in the POM, comma-separated with {@code -Dwazo.conffiles=/etc/a.conf,/etc/b.conf}); each must be a
     * regular file in the package. None by default: wazo-plugind removes plugins with a plain remove, which
     * must take their files under {@code /etc} away.
     */
    @Parameter(property = "wazo.conffiles")
    private List<String> conffiles;

    /**
     * Runs the rules steps in the plugin directory itself instead of in a private copy of it (the default,
     * as wazo-plugind builds from a fresh clone): faster for a large tree, but what earlier builds left
     * there can reach the package.
     */
    @Parameter(property = "wazo.inPlace", defaultValue = "false")
    private boolean inPlace;

    /**
     * Whether a plugin with {@code min_wazo_version} or {@code max_wazo_version} gets the {@code preinst} that
     * refuses a Wazo server outside that range. {@code false}: the package installs on any server.
     */
    @Parameter(property = "wazo.wazoVersionCheck", defaultValue = "true")
    private boolean wazoVersionCheck;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Builds the plugin from this git repository instead of {@code pluginDirectory}, as
     * {@code wazo-plugind-cli install git} does: a URL ({@code https://}, {@code ssh://}, {@code file://}) or a
     * local path. Credentials in the URL are used but never logged.
     */
    @Parameter(property = "wazo.gitUrl")
    private String gitUrl;

    /** With {@code gitUrl}: the branch, tag or full commit id to build; the remote's default branch when unset. */
    @Parameter(property = "wazo.gitRef")
    private String gitRef;

    /** With {@code gitUrl}: the plugin directory inside the repository; its root when unset. */
    @Parameter(property = "wazo.gitSubdirectory")
    private String gitSubdirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:package (wazo.skip)");
            return;
        }
        Path directory = pluginDirectory.toPath().toAbsolutePath().normalize();
        BuildOptions options;
        Optional<GitSource> git;
        try {
            git = new GitParameters(gitUrl, gitRef, gitSubdirectory).toGitSource();
            options = new PackageParameters(outputDirectory.toPath(), compression, compressionLevel, maintainer,
                    timestamp, stepTimeout, runRules, conffiles, inPlace, wazoVersionCheck).toBuildOptions(
                    new MavenLogListener(getLog(), !ValidatedPlugins.wasValidated(getPluginContext(), directory)));
        } catch (ParameterException e) {
            throw new MojoFailureException(e.getMessage());
        }
        BuildResult result;
        try {
            result = build(options, directory, git);
        } catch (InvalidPluginException e) {
            throw new MojoFailureException(FailureMessages.invalidPlugin(directory, e.problems()));
        } catch (RulesStepException e) {
            throw new MojoFailureException(FailureMessages.failedStep(directory, e));
        } catch (UnusableOptionException e) {
            throw new MojoFailureException(FailureMessages.unusableOption(e));
        } catch (OutOfMemoryError e) {
            // The build's files are removed by then and what it held is unreachable: say how to give more.
            throw new MojoExecutionException(FailureMessages.outOfMemory(directory, Runtime.getRuntime().maxMemory()));
        } catch (BuildException e) {
            // Without a cause the builder refused something the user chose (a conffile missing from the
            // payload, say), and a cancelled build is no bug; otherwise something failed underneath (I/O),
            // which deserves its stack trace.
            if (e.getCause() == null || e.getCause() instanceof InterruptedException
                    || Thread.currentThread().isInterrupted()) {
                throw new MojoFailureException("Could not package " + directory + ": " + e.getMessage());
            }
            throw new MojoExecutionException("Could not package " + directory + ": " + e.getMessage(), e);
        }
        getLog().info("Built " + result.debFile() + " (" + result.packageName() + " " + result.version() + ", "
                + result.size() + " bytes, sha256 " + result.sha256() + ")");
        VersionMismatch.warning(project.getVersion(), result.version(), result.debFile()).ifPresent(getLog()::warn);
        projectHelper.attachArtifact(project, "deb", null, result.debFile().toFile());
    }

    /** Builds the plugin directory, or the checkout of the git source when there is one. */
    private static BuildResult build(BuildOptions options, Path directory, Optional<GitSource> git)
            throws InvalidPluginException, BuildException {
        if (git.isEmpty()) {
            return new DebBuilder(options).build(directory);
        }
        DirectoryOptionCheck.check(options); // before the checkout, which takes a while
        try (SourceCheckout checkout = PluginSources.checkout(git.get(), options.temporaryDirectory(),
                options.listener())) {
            return new DebBuilder(options).build(checkout.directory());
        }
    }
}
