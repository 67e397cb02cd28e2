# Runs one target of a provd plugin family's build.py, as the tree's own build script would, but fails
# loudly: a target that raises exits non-zero (the reference script prints the error and goes on).
# Arguments: BUILD_PY TARGET_ID OUTPUT_FOLDER; run from the family folder.
import sys

build_file, target_id, output = sys.argv[1:4]
targets = {}


def target(target_id, pg_id, std_dirs=True):
    def register(function):
        targets[target_id] = function
        return function

    return register


with open(build_file, 'rb') as source:
    code = compile(source.read(), build_file, 'exec')
exec(code, {'target': target, '__name__': 'build_plugin'})
if target_id not in targets:
    sys.exit(f'{build_file} declares no target {target_id!r}')
targets[target_id](output)
