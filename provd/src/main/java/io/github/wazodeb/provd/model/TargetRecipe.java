package io.github.wazodeb.provd.model;

import java.util.List;

/** How a target fills its output folder: by rsync copies wazo-deb does itself, or only by running its code. */
public sealed interface TargetRecipe {

    /** Every statement of the target is an rsync copy wazo-deb reproduces in-process. */
    record Copy(List<RsyncCall> calls) implements TargetRecipe {

        public Copy {
            calls = List.copyOf(calls);
        }
    }

    /**
     * The target does more than copy (it generates files, makes folders, uses options wazo-deb does not
     * reproduce): it runs through Python with the tree's own {@code build.py}.
     *
     * @param reason the first statement that is not a supported copy, for the build's log
     * @param programs the programs its code calls ({@code rsync}, {@code sed}), which must be installed
     */
    record Script(String reason, List<String> programs) implements TargetRecipe {

        public Script {
            programs = List.copyOf(programs);
        }
    }
}
