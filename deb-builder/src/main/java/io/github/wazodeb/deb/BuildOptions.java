package io.github.wazodeb.deb;

import io.github.wazodeb.deb.archive.DebArchiveWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a build can be told, immutable. Start from {@link #builder()}; every setting has a default.
 *
 * @param outputDirectory where the {@code .deb} goes; created if missing
 * @param compression how both tar members are compressed
 * @param compressionLevel the level for {@code compression}, within its range
 * @param maintainer the {@code Maintainer} field, {@code Name <address>}
 * @param timestamp every entry's modification time and the archive's
 * @param stepTimeout how long each rules step may run, if limited
 * @param runRules whether to run {@code wazo/rules build} and {@code package}; without them the payload
 *     is the {@code wazo/} folder alone
 * @param conffiles absolute paths in the payload to mark as conffiles (none by default: see the contract)
 * @param inPlace run the rules steps in the plugin directory itself rather than in a private copy of it
 * @param temporaryDirectory where staging directories are made
 * @param listener where progress, the rules steps' output and warnings go
 * @param wazoVersionCheck whether a plugin with {@code min_wazo_version} or {@code max_wazo_version} gets the
 *     {@code preinst} that refuses a Wazo server outside that range (on by default)
 */
public record BuildOptions(
        Path outputDirectory,
        Compression compression,
        int compressionLevel,
        String maintainer,
        Instant timestamp,
        Optional<Duration> stepTimeout,
        boolean runRules,
        List<String> conffiles,
        boolean inPlace,
        Path temporaryDirectory,
        BuildListener listener,
        boolean wazoVersionCheck) {

    /** wazo-plugind's own maintainer line, so packages look the same as the ones it builds. */
    public static final String DEFAULT_MAINTAINER = "Wazo Maintainers <dev+pkg@wazo.community>";

    /**
     * The timestamp used when neither the caller nor {@code SOURCE_DATE_EPOCH} gives one: a fixed instant,
     * so that output is reproducible by default rather than stamped with the build time.
     */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2000-01-01T00:00:00Z");

    public BuildOptions {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(temporaryDirectory, "temporaryDirectory");
        Objects.requireNonNull(listener, "listener");
        conffiles = List.copyOf(conffiles);
        compression.requireLevel(compressionLevel);
        if (!maintainer.matches("[^\\p{Cntrl}<>]*[^\\s<>\\p{Cntrl}] <[^\\s<>\\p{Cntrl}]+>")) {
            throw new IllegalArgumentException("maintainer \"" + maintainer
                    + "\" must read \"Full Name <address>\" on one line");
        }
        DebArchiveWriter.requireTarTimestamp(timestamp);
        if (stepTimeout.isPresent() && (stepTimeout.get().isNegative() || stepTimeout.get().isZero())) {
            throw new IllegalArgumentException("step timeout must be positive, not " + stepTimeout.get());
        }
        for (String conffile : conffiles) {
            if (!conffile.startsWith("/") || conffile.endsWith("/") || conffile.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("conffile \"" + conffile + "\" must be an absolute file path");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder()
                .outputDirectory(outputDirectory)
                .compression(compression)
                .compressionLevel(compressionLevel)
                .maintainer(maintainer)
                .timestamp(timestamp)
                .stepTimeout(stepTimeout.orElse(null))
                .runRules(runRules)
                .conffiles(conffiles)
                .inPlace(inPlace)
                .temporaryDirectory(temporaryDirectory)
                .listener(listener)
                .wazoVersionCheck(wazoVersionCheck);
    }

    /**
     * Reads {@code SOURCE_DATE_EPOCH} (whole seconds since 1970) from the given environment, as the
     * reproducible-builds convention says.
     *
     * @throws IllegalArgumentException when it is set but not a non-negative whole number
     */
    public static Optional<Instant> sourceDateEpoch(Map<String, String> environment) {
        String value = environment.get("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Instant.ofEpochSecond(seconds));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "SOURCE_DATE_EPOCH \"" + value + "\" must be a whole number of seconds since 1970-01-01");
        }
    }

    /** Collects settings; {@link #build()} checks them together. Not thread-safe; the result is. */
    public static final class Builder {
        private Path outputDirectory = Path.of(".");
        private Compression compression = Compression.XZ;
        private Integer compressionLevel;
        private String maintainer = DEFAULT_MAINTAINER;
        private Instant timestamp;
        private Duration stepTimeout;
        private boolean runRules = true;
        private List<String> conffiles = List.of();
        private boolean inPlace;
        private Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private BuildListener listener = BuildListener.SILENT;
        private boolean wazoVersionCheck = true;

        private Builder() {
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        /** The level; when never set, the compression's {@link Compression#defaultLevel()}. */
        public Builder compressionLevel(int compressionLevel) {
            this.compressionLevel = compressionLevel;
            return this;
        }

        public Builder maintainer(String maintainer) {
            this.maintainer = maintainer;
            return this;
        }

        /** When never set: {@code SOURCE_DATE_EPOCH} if the environment has it, else {@link #DEFAULT_TIMESTAMP}. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** {@code null} for no limit. */
        public Builder stepTimeout(Duration stepTimeout) {
            this.stepTimeout = stepTimeout;
            return this;
        }

        public Builder runRules(boolean runRules) {
            this.runRules = runRules;
            return this;
        }

        public Builder conffiles(List<String> conffiles) {
            this.conffiles = conffiles;
            return this;
        }

        /**
         * Runs the steps in the plugin directory itself, as a developer's {@code make} would, instead of
         * in a private copy (the default, as wazo-plugind builds from a fresh clone): faster for a large
         * tree, but what earlier builds left there can reach the package.
         */
        public Builder inPlace(boolean inPlace) {
            this.inPlace = inPlace;
            return this;
        }

        public Builder temporaryDirectory(Path temporaryDirectory) {
            this.temporaryDirectory = temporaryDirectory;
            return this;
        }

        public Builder listener(BuildListener listener) {
            this.listener = listener;
            return this;
        }

        /** False: no {@code preinst}, so the package installs whatever Wazo version the server runs. */
        public Builder wazoVersionCheck(boolean wazoVersionCheck) {
            this.wazoVersionCheck = wazoVersionCheck;
            return this;
        }

        public BuildOptions build() {
            Instant effectiveTimestamp = timestamp != null
                    ? timestamp
                    : sourceDateEpoch(System.getenv()).orElse(DEFAULT_TIMESTAMP);
            return new BuildOptions(outputDirectory, compression,
                    compressionLevel != null ? compressionLevel : compression.defaultLevel(),
                    maintainer, effectiveTimestamp, Optional.ofNullable(stepTimeout), runRules, conffiles,
                    inPlace, temporaryDirectory, listener, wazoVersionCheck);
        }
    }
}
