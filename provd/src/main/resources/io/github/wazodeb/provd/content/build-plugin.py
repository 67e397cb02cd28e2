# Loads a provd plugins tree's build.py files as the tree's own builder (pgbuild.py) does, and runs a target.
# Loading: exec of the file's code compiled under its path, with the `target` decorator as the only global,
# from the tree's folder; a file that cannot be loaded is reported with Python's own message and line.
# Running: the target's function called from the family folder with the output folder's absolute path; a
# target that raises exits non-zero (pgbuild prints the error and goes on). The rsync calls it makes are
# recorded (an audit hook on subprocess.Popen) so the build can name the tree's files it copied.
#
#   build-plugin.py load BUILD_PY...                      (from the tree's folder) one JSON line per file
#   build-plugin.py run BUILD_PY TARGET_ID OUTPUT TRACE   (from the tree's folder)
import json
import os
import sys
import traceback


def load(build_file):
    targets = {}

    def target(target_id, pg_id, std_dirs=True):
        def aux(fun):
            if target_id in targets:
                raise Exception(f"target redefinition for '{target_id}'")
            targets[target_id] = {'fun': fun, 'pg_id': pg_id, 'std_dirs': std_dirs}
            return fun

        return aux

    with open(build_file, 'rb') as source:
        code = compile(source.read(), build_file, 'exec')
    exec(code, {'target': target})
    return targets


def failure(build_file, error):
    if isinstance(error, SyntaxError) and error.filename == build_file:
        return {'file': build_file, 'line': error.lineno or 0, 'error': f'{type(error).__name__}: {error.msg}'}
    line = 0
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == build_file:
            line = frame.lineno
    message = str(error)
    return {'file': build_file, 'line': line, 'error': type(error).__name__ + (': ' + message if message else '')}


def load_all(files):
    # What the files print while loading goes to standard error: standard output carries only the results.
    results = os.fdopen(os.dup(1), 'w')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for build_file in files:
        try:
            targets = load(build_file)
            declared = [{'id': str(target_id), 'pluginId': str(info['pg_id']), 'stdDirs': bool(info['std_dirs'])}
                        for target_id, info in targets.items()]
            result = {'file': build_file, 'targets': declared}
        except BaseException as error:  # noqa: B036 - SystemExit at module level is a failure to load too
            result = failure(build_file, error)
        results.write(json.dumps(result) + '\n')
        results.flush()


def run(build_file, target_id, output, trace):
    def record(event, args):
        if event == 'subprocess.Popen':
            executable, argv, cwd = args[0], args[1], args[2]
            if isinstance(argv, (list, tuple)) and argv and os.path.basename(str(argv[0])) == 'rsync':
                with open(trace, 'a') as log:
                    log.write(json.dumps({'cwd': os.path.abspath(cwd or os.getcwd()),
                                          'args': [os.fsdecode(arg) for arg in argv[1:]]}) + '\n')

    targets = load(build_file)
    if target_id not in targets:
        sys.exit(f'{build_file} declares no target {target_id!r}')
    os.chdir(os.path.dirname(build_file))
    sys.addaudithook(record)
    targets[target_id]['fun'](os.path.abspath(output))


if sys.argv[1] == 'load':
    load_all(sys.argv[2:])
else:
    build_file, target_id, output, trace = sys.argv[2:6]
    output = os.path.abspath(output)
    run(build_file, target_id, output, trace)
