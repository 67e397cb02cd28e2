// A bare repository to build from: plugins/hello at 1.0 (tag v1.0), then main moved on to 2.0. The tagged
// commit's id goes to tagged-commit.txt for the verify script.
import io.github.wazodeb.deb.testing.GitRepository
import io.github.wazodeb.deb.testing.PluginFixture

def fixture = PluginFixture.plugin('hello').withNamespace('wazodeb')
def repository = GitRepository.init(new File(basedir, 'plugin-work').toPath())
def plugin = repository.workTree().resolve('plugins/hello')
fixture.withVersion('1.0').writeTo(plugin)
new File(basedir, 'tagged-commit.txt').text = repository.commitAll('hello 1.0')
repository.tag('v1.0')
fixture.withVersion('2.0').writeTo(plugin)
repository.commitAll('hello 2.0')
repository.bareClone(new File(basedir, 'plugin.git').toPath())
true
