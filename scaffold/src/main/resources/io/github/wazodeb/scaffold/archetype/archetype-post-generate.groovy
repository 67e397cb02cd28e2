// After the archetype's files are written: what the archetype format cannot say itself.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

Path dir = Paths.get(request.outputDirectory, request.artifactId)
// Maven leaves .gitignore out of archetypes (a default exclude): it travels as gitignore.
Files.move(dir.resolve('gitignore'), dir.resolve('.gitignore'))
// The archetype format keeps no file modes; wazo-plugind runs wazo/rules, so it must be executable.
dir.resolve('wazo/rules').toFile().setExecutable(true, false)

String ci = request.properties.getProperty('ci', 'none')
if (!(ci in ['github', 'both'])) {
    Files.delete(dir.resolve('.github/workflows/wazo-plugin.yml'))
    Files.delete(dir.resolve('.github/workflows'))
    Files.delete(dir.resolve('.github'))
}
if (!(ci in ['gitlab', 'both'])) {
    Files.delete(dir.resolve('.gitlab-ci.yml'))
}
