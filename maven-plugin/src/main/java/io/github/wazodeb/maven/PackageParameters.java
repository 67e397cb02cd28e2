package io.github.wazodeb.maven;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.Compression;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code wazo:package} parameters as Maven injected them, before any is read. Kept apart from the
 * mojo so that the translation into {@link BuildOptions} is tested without Maven.
 *
 * @param outputDirectory where the {@code .deb} goes
 * @param compression a compression name, or {@code null} for the default
 * @param compressionLevel the level, or {@code null} for the compression's default
 * @param maintainer the {@code Maintainer} field, or {@code null} for the default
 * @param timestamp seconds or ISO-8601, or {@code null}/one character for none (see {@link ParameterValues#timestamp})
 * @param stepTimeout seconds or an ISO-8601 duration, or {@code null} for no limit
 * @param runRules whether to run the {@code build} and {@code package} rules steps
 * @param conffiles absolute payload paths to mark as conffiles, or {@code null} for none
 * @param inPlace whether to run the rules steps in the plugin directory rather than in a private copy
 * @param wazoVersionCheck whether a plugin with a Wazo version range gets the {@code preinst} that enforces it
 */
record PackageParameters(
        Path outputDirectory,
        String compression,
        Integer compressionLevel,
        String maintainer,
        String timestamp,
        String stepTimeout,
        boolean runRules,
        List<String> conffiles,
        boolean inPlace,
        boolean wazoVersionCheck) {

    PackageParameters {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
    }

    /**
     * The options for one build.
     *
     * @throws ParameterException a parameter cannot be read, or the values together break a rule of
     *     {@link BuildOptions}
     */
    BuildOptions toBuildOptions(BuildListener listener) throws ParameterException {
        Compression chosen = ParameterValues.compression(compression);
        BuildOptions.Builder builder = BuildOptions.builder()
                .outputDirectory(outputDirectory)
                .compression(chosen)
                .runRules(runRules)
                .inPlace(inPlace)
                .wazoVersionCheck(wazoVersionCheck)
                .conffiles(ParameterValues.conffiles(conffiles))
                .listener(listener);
        ParameterValues.compressionLevel(compressionLevel, chosen).ifPresent(builder::compressionLevel);
        ParameterValues.maintainer(maintainer).ifPresent(builder::maintainer);
        ParameterValues.timestamp(timestamp).ifPresent(builder::timestamp);
        ParameterValues.stepTimeout(stepTimeout).ifPresent(builder::stepTimeout);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(e.getMessage());
        }
    }
}
