# One copy-only Acme plugin with a firmware list.
from subprocess import check_call


@target('v1', 'wazo-acme-1')
def build_v1(path):
    check_call(['rsync', '-rlp', '--exclude', '.*', 'v1/', path])
