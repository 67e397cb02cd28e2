// The package ships the very jar this build compiled, next to the project's main artifact in the
// local repository.
import static io.github.wazodeb.deb.testing.InvokerChecks.*
import static io.github.wazodeb.deb.testing.Requirement.DPKG_DEB
import static io.github.wazodeb.deb.testing.Requirement.TAR

import java.util.zip.ZipFile

def jar = new File(basedir, 'target/hello-service.jar')
assert jar.isFile()
def deb = packageIn(basedir, 'target/wazo-plugind-hello-service-demo_1.0.0_all.deb')
sameBytesAsSecondRun(deb)
installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'java-service-plugin', '1.0.0', 'jar')
assert installedInLocalRepository(localRepositoryPath, 'io.github.wazodeb.examples', 'java-service-plugin', '1.0.0')
        .bytes == deb.bytes

if (!toolsAvailable('the dpkg-deb checks', DPKG_DEB, TAR)) {
    return true
}
assert field(deb, 'Depends') == 'default-jre-headless (>= 2:1.17) | java17-runtime-headless'
def payload = payloadOf(deb)
def shipped = new File(payload, 'usr/share/wazo-hello-service/hello-service.jar')
assert shipped.bytes == jar.bytes: 'the package must carry the jar this build made'
new ZipFile(shipped).withCloseable { zip ->
    assert zip.getEntry('io/github/wazodeb/examples/service/HelloService.class') != null
}
assert new File(payload, 'lib/systemd/system/wazo-hello-service.service').isFile()
true
