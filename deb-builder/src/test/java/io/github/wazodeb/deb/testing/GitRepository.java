package io.github.wazodeb.deb.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A git working tree for tests that build from git sources: commit what was written into it, tag, branch,
 * and make a bare copy to fetch from. Every command runs through {@link Commands} (clean environment) with
 * a fixed author, and must succeed. Check {@link Requirement#GIT} first.
 */
public final class GitRepository {

    private final Path workTree;

    private GitRepository(Path workTree) {
        this.workTree = workTree;
    }

    /** {@code git init} in {@code workTree} (created if missing), on branch {@code main}. */
    public static GitRepository init(Path workTree) {
        GitRepository repository = new GitRepository(workTree);
        Commands.stdoutOf("mkdir", "-p", workTree.toString());
        repository.git("init", "-q", "-b", "main");
        return repository;
    }

    public Path workTree() {
        return workTree;
    }

    /** Commits everything in the working tree; returns the commit's full id. */
    public String commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return head();
    }

    public GitRepository tag(String name) {
        git("tag", name);
        return this;
    }

    /** A branch at the current commit, without switching to it. */
    public GitRepository branch(String name) {
        git("branch", name);
        return this;
    }

    /** The full id of the current commit. */
    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** A bare clone at {@code target}, all branches and tags, as a server keeps it. */
    public Path bareClone(Path target) {
        git("clone", "-q", "--bare", workTree.toString(), target.toString());
        return target;
    }

    /** A plain clone of {@code url} at {@code target}, with {@code commit} checked out: what a developer builds. */
    public static Path checkout(String url, String commit, Path target) {
        Commands.stdoutOf("git", "clone", "-q", url, target.toString());
        new GitRepository(target).git("checkout", "-q", "--detach", commit);
        return target;
    }

    private String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", workTree.toString(),
                "-c", "user.name=wazo-deb tests", "-c", "user.email=tests@wazodeb.invalid",
                "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(arguments));
        return Commands.stdoutOf(command.toArray(String[]::new));
    }
}
