// The package is the tagged 1.0 from the repository's subdirectory, not main's 2.0, and the log names the
// commit that was built.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

def deb = packageIn(basedir, 'target/wazo-plugind-hello-wazodeb_1.0_all.deb')
assert !new File(basedir, 'target/wazo-plugind-hello-wazodeb_2.0_all.deb').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Checked out commit ' + new File(basedir, 'tagged-commit.txt').text.trim())
assert log.contains('Built ' + deb.canonicalPath)

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert field(deb, 'Version') == '1.0'
def payload = payloadOf(deb)
assert new File(payload, 'usr/share/hello/hello.txt').text == 'hello from hello 1.0\n'
true
