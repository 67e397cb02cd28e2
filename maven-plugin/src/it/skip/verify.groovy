// Both goals were skipped: this project has no wazo/ directory, so running them would have failed.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping wazo:validate (wazo.skip)')
assert log.contains('Skipping wazo:package (wazo.skip)')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.endsWith('.deb') }
