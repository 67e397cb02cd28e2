package io.github.wazodeb.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes the Maven archetype's content ({@code archetype-resources/} and {@code META-INF/}) from the
 * skeleton's templates, so {@code mvn archetype:generate} and {@code wazo-deb new --maven} write the same
 * plugin. Run by the archetype module's build:
 * {@code java io.github.wazodeb.scaffold.ArchetypeResources OUTPUT_DIR}.
 */
public final class ArchetypeResources {

    /** Velocity (the archetype's filter) reads nothing between these marks. */
    private static final String VERBATIM_START = "#[[";
    private static final String VERBATIM_END = "]]#";

    private ArchetypeResources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ArchetypeResources OUTPUT_DIR");
        }
        write(Path.of(args[0]));
    }

    /** Writes every skeleton file, the archetype's descriptor and its post-generation script under {@code out}. */
    public static void write(Path out) throws IOException {
        Path resources = out.resolve("archetype-resources");
        for (SkeletonFile file : SkeletonFile.values()) {
            String path = file == SkeletonFile.GITIGNORE ? "gitignore" : file.path(pathValues());
            Path target = resources.resolve(path);
            Files.createDirectories(target.getParent());
            Files.writeString(target, velocityTemplate(file.template()), StandardCharsets.UTF_8);
        }
        Path metaInf = out.resolve("META-INF");
        copyResource("archetype/archetype-metadata.xml", metaInf.resolve("maven/archetype-metadata.xml"));
        copyResource("archetype/archetype-post-generate.groovy", metaInf.resolve("archetype-post-generate.groovy"));
    }

    /**
     * The template as Velocity must read it: all of it verbatim (shell and CI syntax such as {@code ${pkgdir}}
     * and {@code #} comments stay as written) but the placeholders, which become the archetype's properties.
     */
    static String velocityTemplate(String template) {
        if (template.contains(VERBATIM_END)) {
            throw new IllegalStateException("a template holds " + VERBATIM_END + ", which would end Velocity's verbatim block");
        }
        Map<Placeholder, String> properties = new EnumMap<>(Placeholder.class);
        archetypeProperties().forEach((placeholder, property) ->
                properties.put(placeholder, VERBATIM_END + property + VERBATIM_START));
        return VERBATIM_START + Placeholder.fill(template, properties) + VERBATIM_END;
    }

    /** Each placeholder as the archetype's Velocity reference (or, for wazo-deb's version, its value). */
    private static Map<Placeholder, String> archetypeProperties() {
        return Map.of(
                Placeholder.NAME, "${pluginName}",
                Placeholder.NAMESPACE, "${pluginNamespace}",
                Placeholder.VERSION, "${version}",
                Placeholder.GROUP_ID, "${groupId}",
                Placeholder.ARTIFACT_ID, "${artifactId}",
                Placeholder.WAZO_DEB_VERSION, WazoDebVersion.current());
    }

    /** File names take the archetype's {@code __property__} form. */
    private static Map<Placeholder, String> pathValues() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.NAME, "__pluginName__");
        return values;
    }

    private static void copyResource(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = ArchetypeResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the scaffold jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
