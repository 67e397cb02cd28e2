import io.github.wazodeb.deb.testing.Commands
import io.github.wazodeb.deb.testing.InvokerChecks
import io.github.wazodeb.deb.testing.Requirement

// wazo:repo listed the package wazo:package wrote, and signed the index with the key in the POM.
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text
for (name in ['Packages', 'Packages.gz', 'Packages.xz', 'Release', 'InRelease', 'Release.gpg']) {
    assert new File(target, name).isFile(): name + ' missing'
    assert log.contains('Wrote ' + new File(target, name).canonicalPath): log
}
assert log.contains('signed by 85788F767BDE28888681288D68918EBE4E4CAE3C')
def packages = new File(target, 'Packages').text
assert packages.contains('Package: wazo-plugind-published-wazodeb\n')
assert packages.contains('Filename: ./wazo-plugind-published-wazodeb_1.0_all.deb\n')
// SOURCE_DATE_EPOCH from invoker.properties.
assert new File(target, 'Release').text.startsWith('Date: Tue, 14 Nov 2023 22:13:20 UTC\n')

if (!InvokerChecks.toolsAvailable('gpgv checks', Requirement.GPGV)) {
    return
}
def keyring = new File(basedir, 'key/public.gpg').path
def inRelease = Commands.run(['gpgv', '--keyring', keyring, new File(target, 'InRelease').path])
assert inRelease.succeeded(): inRelease.describe()
def detached = Commands.run(['gpgv', '--keyring', keyring, new File(target, 'Release.gpg').path,
        new File(target, 'Release').path])
assert detached.succeeded(): detached.describe()
