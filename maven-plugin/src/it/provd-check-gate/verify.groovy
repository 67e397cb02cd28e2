// The check fails on the build.py Python cannot load, naming it with Python's own message and line; the
// copy-only family beside it does not hide it.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE'): log
assert log.contains("wazo_broken/build.py:3: cannot be loaded as the tree's builder loads it:"
        + " ModuleNotFoundError: No module named 'vendor_models'"): log
assert !log.contains('Exception in thread'): log
