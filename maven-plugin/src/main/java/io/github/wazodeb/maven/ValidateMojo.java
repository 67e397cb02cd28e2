package io.github.wazodeb.maven;

import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.PluginReport;
import io.github.wazodeb.model.Problem;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks {@code wazo/plugin.yml} and {@code wazo/rules} against the packaging rules without building
 * anything: fails the build listing every error, logs every warning.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The plugin directory: the one holding {@code wazo/plugin.yml} and {@code wazo/rules}. */
    @Parameter(property = "wazo.pluginDirectory", defaultValue = "${project.basedir}", required = true)
    private File pluginDirectory;

    /** Skips the goal. */
    @Parameter(property = "wazo.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping wazo:validate (wazo.skip)");
            return;
        }
        Path directory = pluginDirectory.toPath().toAbsolutePath().normalize();
        PluginReport report = PluginReader.readDirectory(directory);
        for (Problem warning : report.warnings()) {
            getLog().warn(warning.format());
        }
        ValidatedPlugins.remember(getPluginContext(), directory);
        if (!report.isValid()) {
            throw new MojoFailureException(FailureMessages.invalidPlugin(directory, report.errors()));
        }
        PluginDescriptor plugin = report.descriptor().orElseThrow();
        getLog().info("Wazo plugin " + plugin.namespace() + "/" + plugin.name() + " " + plugin.version()
                + " is valid; it packages as " + plugin.debianPackageName());
    }
}
