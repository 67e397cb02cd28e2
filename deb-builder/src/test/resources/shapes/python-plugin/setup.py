from setuptools import setup

setup(
    name='shapes-hello',
    version='1.0.0',
    packages=['shapes_hello'],
)
