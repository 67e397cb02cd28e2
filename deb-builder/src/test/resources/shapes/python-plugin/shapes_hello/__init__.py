GREETING = 'hello from a wazo-confd-shaped plugin'
