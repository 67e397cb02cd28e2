// The build stopped at wazo:repo, naming the parameter and the key, without a stack trace, and wrote no
// index: no Release can be there without its InRelease.
def log = new File(basedir, 'build.log').text
assert log.contains('Parameter <keyFile> (property wazo.keyFile)'): log
assert log.contains('the passphrase does not unlock secret key 85788F767BDE28888681288D68918EBE4E4CAE3C'): log
assert log.contains('(the passphrase is read from WAZO_DEB_KEY_PASSPHRASE)')
assert !log.contains('at io.github.wazodeb')
def target = new File(basedir, 'target')
assert new File(target, 'wazo-plugind-unpublished-wazodeb_1.0_all.deb').isFile()
for (name in ['Packages', 'Packages.gz', 'Packages.xz', 'Release', 'InRelease', 'Release.gpg']) {
    assert !new File(target, name).exists(): name + ' was written'
}
