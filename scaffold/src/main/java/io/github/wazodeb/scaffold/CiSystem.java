package io.github.wazodeb.scaffold;

/** A CI service the skeleton can carry a pipeline for. */
public enum CiSystem {
    /** GitHub Actions: {@code .github/workflows/wazo-plugin.yml}. */
    GITHUB,
    /** GitLab CI/CD: {@code .gitlab-ci.yml}. */
    GITLAB
}
