package io.github.wazodeb.deb.source;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin kept in git, as {@code wazo-plugind-cli install git URL --ref REF} names it: where the repository
 * is, which tree to build, and where in it the plugin directory lies.
 *
 * <p>{@link #toString()} masks credentials in the URL, so the value is safe to log.
 *
 * @param url the repository: {@code https://...}, {@code ssh://...}, {@code git@host:path}, {@code file://...}
 *     or a local path (a bare repository or a working tree); credentials in it are used, never shown
 * @param ref a branch, a tag or a full commit id; empty for the remote's default branch
 * @param subdirectory the plugin directory inside the tree, relative; empty for the tree's root
 */
public record GitSource(String url, Optional<String> ref, Optional<String> subdirectory) {

    public GitSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(subdirectory, "subdirectory");
        if (url.isBlank() || url.startsWith("-") || hasControl(url)) {
            throw new IllegalArgumentException("git URL \"" + CredentialMask.maskUrl(url)
                    + "\" must be a repository URL or path on one line, not starting with '-'");
        }
        ref.ifPresent(GitSource::requireRef);
        subdirectory = subdirectory.map(GitSource::normalSubdirectory).filter(s -> !s.isEmpty());
    }

    /** The remote's default branch, at the tree's root. */
    public static GitSource of(String url) {
        return new GitSource(url, Optional.empty(), Optional.empty());
    }

    public GitSource withRef(String newRef) {
        return new GitSource(url, Optional.of(newRef), subdirectory);
    }

    public GitSource withSubdirectory(String newSubdirectory) {
        return new GitSource(url, ref, Optional.of(newSubdirectory));
    }

    /** The URL with any credentials replaced by {@code ***}: what messages show. */
    public String displayUrl() {
        return CredentialMask.maskUrl(url);
    }

    @Override
    public String toString() {
        return displayUrl() + ref.map(r -> " at " + r).orElse("") + subdirectory.map(s -> " in " + s).orElse("");
    }

    private static void requireRef(String ref) {
        // Git's own rules (git-check-ref-format) are checked by the fetch; these keep a ref from ever being
        // read as an option or from breaking a line of output.
        if (ref.isEmpty() || ref.startsWith("-") || hasControl(ref) || ref.contains(" ") || ref.contains("..")
                || ref.endsWith("/")) {
            throw new IllegalArgumentException("git ref \"" + ref + "\" must be a branch, a tag or a commit id "
                    + "(no spaces, no '..', not starting with '-')");
        }
    }

    private static String normalSubdirectory(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            return "";
        }
        if (trimmed.startsWith("/") || hasControl(trimmed)
                || Arrays.stream(trimmed.split("/", -1)).anyMatch(part -> part.equals("..") || part.isEmpty())) {
            throw new IllegalArgumentException("subdirectory \"" + path + "\" must be a relative path inside the "
                    + "repository, without '..'");
        }
        return trimmed;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
