base
