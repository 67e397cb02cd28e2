#!/usr/bin/env python3
# The reference build of a provd plugins tree, done the way wazo-provd-plugins' Makefile does it (`make build`):
# every family's build.py executed with an injected `target` decorator, each target's function run from the
# family folder into _build/plugins/<plugin id> (its rsync calls), the standard var/ folders added; then one
# `tar caf <id>-<version>.tar.bz2` per plugin; then plugins.db (every plugin-info plus filename, dsize and
# sha1sum, sorted keys). Written for provd-bench.sh to time against `wazo-deb provd build`.
# Usage: provd-upstream.py TREE OUTPUT
import hashlib
import json
import os
import subprocess
import sys
import tarfile

tree, output = (os.path.abspath(arg) for arg in sys.argv[1:3])
plugins = os.path.join(output, 'plugins')
channel = os.path.join(output, 'testing')
os.makedirs(plugins)
os.makedirs(channel)

for family in sorted(os.listdir(tree)):
    build_file = os.path.join(tree, family, 'build.py')
    if not os.path.isfile(build_file):
        continue
    targets = {}

    def target(target_id, pg_id, std_dirs=True):
        def register(function):
            targets[target_id] = (function, pg_id, std_dirs)
            return function
        return register

    with open(build_file, 'rb') as source:
        exec(compile(source.read(), build_file, 'exec'), {'target': target})
    for function, pg_id, std_dirs in targets.values():
        path = os.path.join(plugins, pg_id)
        os.mkdir(path)
        os.chdir(os.path.join(tree, family))
        function(path)
        if std_dirs:
            for folder in ('var', 'var/cache', 'var/installed', 'var/templates', 'var/tftpboot'):
                os.makedirs(os.path.join(path, folder), exist_ok=True)

for plugin in sorted(os.listdir(plugins)):
    with open(os.path.join(plugins, plugin, 'plugin-info')) as info:
        version = json.load(info)['version']
    archive = os.path.join(channel, f"{plugin.replace('_', '-')}-{version}.tar.bz2")
    subprocess.check_call(['tar', 'caf', archive, '-C', plugins, plugin])

index = {}
for name in sorted(os.listdir(channel)):
    archive = os.path.join(channel, name)
    with tarfile.open(archive) as tar:
        top = min(tar.getnames())
        entry = json.load(tar.extractfile(f'{top}/plugin-info'))
    with open(archive, 'rb') as data:
        entry.update(filename=name, dsize=os.path.getsize(archive), sha1sum=hashlib.sha1(data.read()).hexdigest())
    index[top] = entry
with open(os.path.join(channel, 'plugins.db'), 'w') as db:
    json.dump(index, db, sort_keys=True, separators=(',', ':'))
