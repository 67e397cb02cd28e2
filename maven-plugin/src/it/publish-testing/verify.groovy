import io.github.wazodeb.deb.testing.Commands
import io.github.wazodeb.deb.testing.InvokerChecks
import io.github.wazodeb.deb.testing.Requirement

// wazo:publish put the package wazo:package attached into the pool and listed it in suite testing, signed.
def apt = new File(basedir, 'target/apt')
def log = new File(basedir, 'build.log').text
def poolPath = 'pool/main/w/wazo-plugind-published-wazodeb/wazo-plugind-published-wazodeb_1.0_all.deb'
def built = new File(basedir, 'target/wazo-plugind-published-wazodeb_1.0_all.deb')
assert new File(apt, poolPath).bytes == built.bytes
assert log.contains('Published wazo-plugind-published-wazodeb 1.0 to testing (' + new File(apt, poolPath).canonicalPath + ')'): log
assert log.contains('suite testing written, signed by 85788F767BDE28888681288D68918EBE4E4CAE3C'): log
// The second execution: same bytes, nothing to do.
assert log.contains('wazo-plugind-published-wazodeb 1.0 is already in testing with the same bytes: nothing to do'): log
assert log.contains('suite testing unchanged'): log
def packages = new File(apt, 'dists/testing/main/binary-all/Packages').text
assert packages.contains('Package: wazo-plugind-published-wazodeb\n')
assert packages.contains('Filename: ' + poolPath + '\n')
def release = new File(apt, 'dists/testing/Release').text
assert release.contains('Suite: testing\n') && release.contains('Acquire-By-Hash: yes\n')
// SOURCE_DATE_EPOCH from invoker.properties.
assert release.contains('Date: Tue, 14 Nov 2023 22:13:20 UTC\n')

if (!InvokerChecks.toolsAvailable('gpgv checks', Requirement.GPGV)) {
    return
}
def keyring = new File(basedir, 'key/public.gpg').path
def inRelease = Commands.run(['gpgv', '--keyring', keyring, new File(apt, 'dists/testing/InRelease').path])
assert inRelease.succeeded(): inRelease.describe()
