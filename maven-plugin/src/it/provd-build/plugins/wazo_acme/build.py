# Two Acme plugins sharing common/; v1 leaves out the A2 templates.
from subprocess import check_call


@target('v1', 'wazo-acme-1')
def build_v1(path):
    check_call(['rsync', '-rlp', '--exclude', '.*', '--exclude', '/templates/A2*', 'common/', path])
    check_call(['rsync', '-rlp', '--exclude', '.*', 'v1/', path])


@target('v2', 'wazo-acme-2')
def build_v2(path):
    check_call(['rsync', '-rlp', '--exclude', '.*', 'common/', path])
    check_call(['rsync', '-rlp', '--exclude', '.*', 'v2/', path])
