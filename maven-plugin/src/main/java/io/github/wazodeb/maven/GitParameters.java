package io.github.wazodeb.maven;

import io.github.wazodeb.deb.source.GitSource;
import java.util.Optional;

/**
 * The {@code wazo:package} git parameters as Maven injected them: blank means unset, as an empty
 * {@code -Dwazo.gitRef=} does on the command line.
 *
 * @param url {@code <gitUrl>}, or {@code null}
 * @param ref {@code <gitRef>}, or {@code null} for the remote's default branch
 * @param subdirectory {@code <gitSubdirectory>}, or {@code null} for the repository's root
 */
record GitParameters(String url, String ref, String subdirectory) {

    /**
     * The git source to build, or empty to build the plugin directory.
     *
     * @throws ParameterException a ref or subdirectory without a URL, or a value git cannot take
     */
    Optional<GitSource> toGitSource() throws ParameterException {
        if (blank(url)) {
            if (!blank(ref)) {
                throw new ParameterException("gitRef", "wazo.gitRef", ref, "it needs <gitUrl> (property wazo.gitUrl)");
            }
            if (!blank(subdirectory)) {
                throw new ParameterException("gitSubdirectory", "wazo.gitSubdirectory", subdirectory,
                        "it needs <gitUrl> (property wazo.gitUrl)");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new GitSource(url.strip(), Optional.ofNullable(blank(ref) ? null : ref.strip()),
                    Optional.ofNullable(blank(subdirectory) ? null : subdirectory.strip())));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
